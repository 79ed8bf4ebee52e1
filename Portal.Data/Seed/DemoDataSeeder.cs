using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Data.Identity;
using Portal.Domain.Agents;
using Portal.Domain.Audit;
using Portal.Domain.Catalog;
using Portal.Domain.Customers;
using Portal.Domain.Deals;
using Portal.Domain.Deals.Registration;
using Portal.Domain.Policy;
using Portal.Domain.Pricing.Versions;
using Portal.Domain.Regions;

namespace Portal.Data.Seed;

/// <summary>
/// Seeds reference data (regions, roles) into any database that lacks it, and the demo data into a fresh one.
/// Each part checks what is already there, so a restart never duplicates anything.
/// </summary>
public sealed partial class DemoDataSeeder(
    PortalDbContext db,
    UserManager<PortalUser> users,
    RoleManager<IdentityRole> roles,
    TimeProvider clock,
    ChannelPolicy policy,
    ILogger<DemoDataSeeder> logger)
{
    public async Task SeedAsync(bool includeDemoData, CancellationToken cancellationToken = default)
    {
        // Seeding looks at the whole database, whoever's records they are.
        db.WithScope(DataScope.All);

        // One transaction holding the channel's write lock, run through the provider's execution strategy (SQL Server
        // retries it as a unit): instances starting together on an empty database take turns, and each looks at what is
        // there only once it holds the lock, so the second finds the first one's data and adds nothing.
        var now = clock.GetUtcNow().UtcDateTime;
        var agentCount = await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await ChannelWriteLock.BeginAsync(db, ct).ConfigureAwait(false);
            await SeedRegionsAsync(ct).ConfigureAwait(false);
            await SeedRolesAsync().ConfigureAwait(false);
            int? seeded = null;
            if (includeDemoData && !await db.Agents.AnyAsync(ct).ConfigureAwait(false) && !await db.Users.AnyAsync(ct).ConfigureAwait(false))
            {
                seeded = await SeedDemoDataAsync(now, ct).ConfigureAwait(false);
            }

            await transaction.CommitAsync(ct).ConfigureAwait(false);
            return seeded;
        }, cancellationToken).ConfigureAwait(false);
        if (agentCount is { } agents)
        {
            LogSeeded(logger, agents, DemoData.Users.Count);
        }
    }

    private async Task<int> SeedDemoDataAsync(DateTime now, CancellationToken ct)
    {
        var agents = await SeedAgentsAsync(now, ct).ConfigureAwait(false);
        var (products, firstVersion) = SeedCatalog();
        await db.SaveChangesAsync(ct).ConfigureAwait(false);

        // The demo agents signed under the first price list: they have acknowledged it.
        foreach (var agent in agents.Values.Where(a => a.IsActive))
        {
            db.PolicyAcknowledgements.Add(new PolicyAcknowledgement(firstVersion.Id, agent.Id, DemoData.VendorActor, firstVersion.PublishedAt));
        }
        await SeedCustomersAsync(agents, products, now, ct).ConfigureAwait(false);
        await SeedUsersAsync(agents, now).ConfigureAwait(false);
        await AuditWriter.AppendAsync(db, now, new AuditRecord("system", AuditAction.DemoDataSeeded, AuditEntity.Database, "demo", After: new { agents = agents.Count, customers = DemoData.Customers.Count, users = DemoData.Users.Count }), ct).ConfigureAwait(false);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return agents.Count;
    }

    private async Task SeedRegionsAsync(CancellationToken cancellationToken)
    {
        if (await db.Regions.AnyAsync(cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        // Parents first: the file is sorted by code, so a province precedes its cities and a city its districts.
        var regions = RegionFile.Load();
        db.Regions.AddRange(regions);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        db.ChangeTracker.Clear();
        LogRegions(logger, regions.Count);
    }

    private async Task SeedRolesAsync()
    {
        foreach (var role in PortalRoles.All)
        {
            if (!await roles.RoleExistsAsync(role).ConfigureAwait(false))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)).ConfigureAwait(false));
            }
        }
    }

    private async Task<Dictionary<string, Agent>> SeedAgentsAsync(DateTime now, CancellationToken cancellationToken)
    {
        var agents = new Dictionary<string, Agent>(StringComparer.Ordinal);
        var start = new DateOnly(now.Year, 1, 1);
        foreach (var demo in DemoData.Agents)
        {
            var parent = demo.ParentCode is null ? null : agents[demo.ParentCode];
            var territory = demo.Territory.Select(RegionCode.Parse).ToList();
            var agent = new Agent(demo.Code, demo.LegalName, DemoData.AgentUscc(demo, territory[0].Value).Value, demo.Tier, parent, now);
            agent.AssignTerritory(territory);
            agent.SetContacts(demo.LegalName, "020-0000-0000", $"{demo.Code.ToLowerInvariant()}@agents.example.cn");
            agent.SignDirectly(start, start.AddYears(3).AddDays(-1));
            agents.Add(demo.Code, agent);
            db.Agents.Add(agent);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        // The hierarchy's closure table: every agent is linked to itself and to each ancestor.
        foreach (var agent in agents.Values)
        {
            var depth = 0;
            for (var ancestor = agent; ancestor is not null; ancestor = ancestor.Parent, depth++)
            {
                db.AgentLinks.Add(new AgentLink(ancestor.Id, agent.Id, depth));
            }
        }

        return agents;
    }

    private (Dictionary<string, Product> Products, PriceListVersion FirstVersion) SeedCatalog()
    {
        var effective = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var products = new Dictionary<string, Product>(StringComparer.Ordinal);
        foreach (var demo in DemoData.Products)
        {
            var product = new Product(demo.Sku, demo.NameZh, demo.NameEn, "席位·年", "seat-year");
            product.SetUniformPrice(demo.UniformPrice, effective);
            products.Add(demo.Sku, product);
            db.Products.Add(product);
        }

        foreach (var (tier, rate) in DemoData.TierDiscounts)
        {
            db.TierDiscounts.Add(new TierDiscount(tier, rate, effective));
        }

        var firstVersion = new PriceListVersion(1, effective, DemoData.FirstPriceVersionNote, effective, DemoData.VendorActor);
        db.PriceListVersions.Add(firstVersion);
        return (products, firstVersion);
    }

    private async Task SeedCustomersAsync(Dictionary<string, Agent> agents, Dictionary<string, Product> products, DateTime now, CancellationToken cancellationToken)
    {
        var registeredAt = now.AddDays(-10);
        foreach (var demo in DemoData.Customers)
        {
            var customer = new Customer(DemoData.CustomerUscc(demo), demo.LegalName, RegionCode.Parse(demo.RegionCode), demo.Segment, registeredAt);
            db.Customers.Add(customer);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            if (demo.HolderCode is null || demo.Sku is null)
            {
                continue;
            }

            var holder = agents[demo.HolderCode];
            var uniformPrice = products[demo.Sku].PriceAt(registeredAt)!.UniformPrice;
            var purchasePrice = new TierDiscount(holder.Tier, DemoData.TierDiscounts[holder.Tier], registeredAt).PurchasePrice(uniformPrice);
            // Protected as a registration approved then would be: RegistrationDays, to the end of a business day.
            var until = DealRegistrationRules.ProtectionUntil(registeredAt, policy);
            var deal = new DealRegistration(holder.Id, customer.Id, policy.Calendar.DateOf(now).AddDays(45), [new DealLine(demo.Sku, demo.Quantity, uniformPrice, uniformPrice, purchasePrice)], registeredAt);
            deal.Submit(registeredAt);
            deal.Approve(registeredAt, until);
            db.Deals.Add(deal);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            db.CustomerProtections.Add(new CustomerProtection(customer.Id, holder.Id, ProtectionBasis.Registration, registeredAt, until, deal.Id));
        }
    }

    private async Task SeedUsersAsync(Dictionary<string, Agent> agents, DateTime now)
    {
        foreach (var demo in DemoData.Users)
        {
            var user = new PortalUser
            {
                UserName = demo.Email,
                Email = demo.Email,
                EmailConfirmed = true,
                DisplayName = demo.DisplayName,
                AgentId = demo.AgentCode is null ? null : agents[demo.AgentCode].Id,
                CreatedAt = now,
            };
            Check(await users.CreateAsync(user, DemoData.Password).ConfigureAwait(false));
            Check(await users.AddToRoleAsync(user, demo.Role).ConfigureAwait(false));
            db.UserRegions.AddRange((demo.Regions ?? []).Select(code => new PortalUserRegion { UserId = user.Id, RegionCode = code }));
        }

        await db.SaveChangesAsync().ConfigureAwait(false);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Seeding failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {RegionCount} regions")]
    private static partial void LogRegions(ILogger logger, int regionCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the demo data: {AgentCount} agents, {UserCount} users")]
    private static partial void LogSeeded(ILogger logger, int agentCount, int userCount);
}
