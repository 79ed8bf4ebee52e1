using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Agents;
using Portal.Domain.Authorizations;
using Portal.Domain.Customers;
using Portal.Domain.Deals;
using Portal.Domain.Deals.Registration;
using Portal.Domain.Pricing;

namespace Portal.Features.Deals;

/// <summary>Reads, inside the registering transaction, everything the registration rules judge.</summary>
internal static class RegistrationContextLoader
{
    public static async Task<AgentSnapshot> AgentAsync(PortalDbContext db, int agentId, CancellationToken ct)
    {
        var agent = await db.Agents.AsNoTracking().Include(a => a.Territory).SingleAsync(a => a.Id == agentId, ct).ConfigureAwait(false);
        return AgentSnapshot.From(agent);
    }

    public static async Task<RegistrationContext> LoadAsync(PortalDbContext db, AgentSnapshot agent, RegistrationCustomer customer, int? customerId, PriceList prices, int? excludingDealId, CancellationToken ct)
    {
        var protections = customerId is null
            ? []
            : await db.CustomerProtections.AsNoTracking().Where(p => p.CustomerId == customerId && p.EndedAt == null)
                .Select(p => new ProtectionSnapshot(p.Id, p.CustomerId, p.AgentId, p.Basis, p.Since, p.Until, p.EndedAt))
                .ToListAsync(ct).ConfigureAwait(false);

        var authorizations = (await db.CrossRegionAuthorizations.AsNoTracking()
                .Where(a => a.AgentId == agent.Id && a.Status == AuthorizationStatus.Approved)
                .ToListAsync(ct).ConfigureAwait(false))
            .Select(AuthorizationSnapshot.From)
            .ToList();

        // Duplicate detection: same normalized name in the same city, one indexed lookup.
        var city = customer.City.Value;
        var normalized = customer.NormalizedName;
        var nameMatches = (await db.Customers.AsNoTracking()
                .Where(c => c.CityCode == city && c.NormalizedName == normalized)
                .ToListAsync(ct).ConfigureAwait(false))
            .Select(CustomerSnapshot.From)
            .ToList();

        var openStatuses = Enum.GetValues<DealStatus>().Where(s => s.IsOpen()).ToList();
        var openCount = await db.Deals.CountAsync(d => d.AgentId == agent.Id && openStatuses.Contains(d.Status) && d.Id != excludingDealId, ct).ConfigureAwait(false);

        var past = customerId is null
            ? []
            : await db.Deals.AsNoTracking().Where(d => d.AgentId == agent.Id && d.CustomerId == customerId && d.Id != excludingDealId)
                .Select(d => new PastRegistration(d.Id, d.Status, d.ProtectedUntil))
                .ToListAsync(ct).ConfigureAwait(false);

        return new RegistrationContext(agent, customerId, protections, authorizations, nameMatches, openCount, past, prices);
    }
}
