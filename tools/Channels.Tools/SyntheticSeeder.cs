using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Portal.Data;
using Portal.Data.Identity;
using Portal.Data.Seed;
using Portal.Domain.Audit;
using Portal.Domain.Catalog;
using Portal.Hosting;

namespace Channels.Tools;

/// <summary>What <c>seed-synthetic</c> wrote.</summary>
public sealed record SyntheticSummary(int Agents, int Links, int Customers, int Protections, int Deals, int Sales, int Cases, int AuditEntries, TimeSpan Elapsed);

/// <summary>
/// <c>seed-synthetic</c>: a fresh database with the schema (EF migrations), the regions and roles, the demo catalog,
/// a synthetic channel of the requested size bulk-written in large transactions (prepared INSERTs on SQLite, binary
/// COPY on PostgreSQL), and a few users to sign in with. The same seed gives the same channel (dates are relative to the day it is generated).
/// </summary>
public static class SyntheticSeeder
{
    public const string ManagerEmail = "manager@synthetic.local";

    public const string ComplianceEmail = "compliance@synthetic.local";

    public static async Task<SyntheticSummary> RunAsync(SyntheticSettings settings, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(output);
        var clock = Stopwatch.StartNew();
        var database = settings.Database;
        await database.Engine.CreateEmptyAsync(database, settings.Overwrite).ConfigureAwait(false);
        await output.WriteLineAsync($"seed-synthetic: {settings.Agents:N0} agents, {settings.Customers:N0} customers, seed {settings.Seed} → {database.Name}").ConfigureAwait(false);
        var app = ToolHost.Build(database);
        await using (app.ConfigureAwait(false))
        {
            // Schema, regions and roles exactly as the portal prepares its own database.
            await app.PrepareDatabaseAsync().ConfigureAwait(false);
            var catalog = await SeedCatalogAsync(app, settings.Anchor).ConfigureAwait(false);
            await output.WriteLineAsync($"  schema, regions, roles and catalog  {clock.Elapsed.TotalSeconds,6:0.0} s").ConfigureAwait(false);

            var random = new Random(settings.Seed);
            var regions = new SyntheticRegions();
            var agents = SyntheticHierarchy.Generate(settings.Agents, random, regions);
            SyntheticWriter.Counts counts;
            var connection = await database.Engine.OpenAsync(database.ConnectionString).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                using var sink = database.Engine.Sink(connection);
                var writer = new SyntheticWriter(sink, settings, catalog, output, clock);
                writer.WriteAgents(agents);
                counts = writer.WriteCustomers(agents, regions, random);
                writer.Finish();
            }

            await SeedUsersAsync(app, agents, settings.Anchor).ConfigureAwait(false);
            var summary = new SyntheticSummary(agents.Count, counts.Links, settings.Customers, counts.Protections, counts.Deals, counts.Sales, counts.Cases, counts.AuditEntries, clock.Elapsed);
            await AuditAsync(app, summary).ConfigureAwait(false);
            await output.WriteLineAsync(
                $"done: {summary.Agents:N0} agents ({summary.Links:N0} closure rows), {summary.Customers:N0} customers, " +
                $"{summary.Protections:N0} open protections, {summary.Deals:N0} deals, {summary.Sales:N0} sales, {summary.Cases:N0} cases, {summary.AuditEntries:N0} audit entries in {clock.Elapsed.TotalSeconds:0.0} s").ConfigureAwait(false);
            return summary;
        }
    }

    private static async Task<SyntheticCatalog> SeedCatalogAsync(WebApplication app, DateTime anchor)
    {
        var effective = new DateTime(anchor.Year - 2, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        db.WithScope(DataScope.All);
        var catalog = new SyntheticCatalog();
        foreach (var demo in DemoData.Products)
        {
            var product = new Product(demo.Sku, demo.NameZh, demo.NameEn, "席位·年", "seat-year");
            product.SetUniformPrice(demo.UniformPrice, effective);
            db.Products.Add(product);
            catalog.Products.Add((demo.Sku, demo.UniformPrice));
        }

        foreach (var (tier, rate) in DemoData.TierDiscounts)
        {
            var discount = new TierDiscount(tier, rate, effective);
            db.TierDiscounts.Add(discount);
            catalog.Discounts[tier] = discount;
        }

        await db.SaveChangesAsync().ConfigureAwait(false);
        return catalog;
    }

    /// <summary>A channel manager, a compliance officer and a reseller for the first active agent of each tier, all with the demo password.</summary>
    private static async Task SeedUsersAsync(WebApplication app, List<SyntheticAgent> agents, DateTime anchor)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        await ToolAccounts.CreateAsync(users, ManagerEmail, "渠道经理（合成数据）", PortalRoles.ChannelManager, null, anchor).ConfigureAwait(false);
        await ToolAccounts.CreateAsync(users, ComplianceEmail, "市场监察（合成数据）", PortalRoles.Compliance, null, anchor).ConfigureAwait(false);
        foreach (var agent in agents.Where(a => a.IsActive).GroupBy(a => a.Tier).Select(g => g.First()))
        {
            var email = string.Create(CultureInfo.InvariantCulture, $"{agent.Code.ToLowerInvariant()}@synthetic.local");
            await ToolAccounts.CreateAsync(users, email, agent.LegalName, PortalRoles.Reseller, agent.Id, anchor).ConfigureAwait(false);
        }
    }

    private static async Task AuditAsync(WebApplication app, SyntheticSummary summary)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        db.WithScope(DataScope.All);
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var after = new { agents = summary.Agents, customers = summary.Customers, deals = summary.Deals, sales = summary.Sales, cases = summary.Cases };
        await AuditWriter.AppendAsync(db, now, new AuditRecord("system", AuditAction.SyntheticDataSeeded, AuditEntity.Database, "synthetic", After: after)).ConfigureAwait(false);
        await db.SaveChangesAsync().ConfigureAwait(false);
    }
}

/// <summary>The demo catalog as the generator prices deal lines with it.</summary>
internal sealed class SyntheticCatalog
{
    public List<(string Sku, decimal UniformPrice)> Products { get; } = [];

    public Dictionary<Portal.Domain.Agents.AgentTier, TierDiscount> Discounts { get; } = [];
}
