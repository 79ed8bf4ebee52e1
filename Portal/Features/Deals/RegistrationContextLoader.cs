using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Agents;
using Portal.Domain.Authorizations;
using Portal.Domain.Customers;
using Portal.Domain.Deals;
using Portal.Domain.Deals.Registration;
using Portal.Domain.Pricing;

namespace Portal.Features.Deals;

/// <summary>
/// Reads, inside the registering transaction, everything the registration rules judge. These are the portal's
/// hottest queries, so they are compiled once (ADR 14): EF skips translating and caching them on every call.
/// The visibility filters still apply (the registering context reads the whole channel).
/// </summary>
internal static class RegistrationContextLoader
{
    private static readonly DealStatus[] OpenStatuses = Enum.GetValues<DealStatus>().Where(s => s.IsOpen()).ToArray();

    private static readonly PerModel<Func<PortalDbContext, int, CancellationToken, Task<Agent>>> AgentById = new(() =>
        EF.CompileAsyncQuery((PortalDbContext db, int id, CancellationToken ct) =>
            db.Agents.AsNoTracking().Include(a => a.Territory).Single(a => a.Id == id)));

    private static readonly PerModel<Func<PortalDbContext, string, CancellationToken, Task<Customer?>>> CustomerByUscc = new(() =>
        EF.CompileAsyncQuery((PortalDbContext db, string uscc, CancellationToken ct) =>
            db.Customers.SingleOrDefault(c => c.Uscc == uscc)));

    private static readonly PerModel<Func<PortalDbContext, int, IAsyncEnumerable<ProtectionSnapshot>>> OpenProtections = new(() =>
        EF.CompileAsyncQuery((PortalDbContext db, int customerId) =>
            db.CustomerProtections.AsNoTracking().Where(p => p.CustomerId == customerId && p.EndedAt == null)
                .Select(p => new ProtectionSnapshot(p.Id, p.CustomerId, p.AgentId, p.Basis, p.Since, p.Until, p.EndedAt))));

    private static readonly PerModel<Func<PortalDbContext, int, IAsyncEnumerable<CrossRegionAuthorization>>> ApprovedAuthorizations = new(() =>
        EF.CompileAsyncQuery((PortalDbContext db, int agentId) =>
            db.CrossRegionAuthorizations.AsNoTracking().Where(a => a.AgentId == agentId && a.Status == AuthorizationStatus.Approved)));

    private static readonly PerModel<Func<PortalDbContext, string, string, IAsyncEnumerable<Customer>>> SameNameInCity = new(() =>
        EF.CompileAsyncQuery((PortalDbContext db, string city, string normalized) =>
            db.Customers.AsNoTracking().Where(c => c.CityCode == city && c.NormalizedName == normalized)));

    private static readonly PerModel<Func<PortalDbContext, int, int?, CancellationToken, Task<int>>> OpenDealCount = new(() =>
        EF.CompileAsyncQuery((PortalDbContext db, int agentId, int? excludingDealId, CancellationToken ct) =>
            db.Deals.Count(d => d.AgentId == agentId && OpenStatuses.Contains(d.Status) && d.Id != excludingDealId)));

    private static readonly PerModel<Func<PortalDbContext, int, int, int?, IAsyncEnumerable<PastRegistration>>> PastRegistrations = new(() =>
        EF.CompileAsyncQuery((PortalDbContext db, int agentId, int customerId, int? excludingDealId) =>
            db.Deals.AsNoTracking().Where(d => d.AgentId == agentId && d.CustomerId == customerId && d.Id != excludingDealId)
                .Select(d => new PastRegistration(d.Id, d.Status, d.ProtectedUntil))));

    public static async Task<AgentSnapshot> AgentAsync(PortalDbContext db, int agentId, CancellationToken ct) =>
        AgentSnapshot.From(await AgentById.For(db)(db, agentId, ct).ConfigureAwait(false));

    /// <summary>The customer on file under this USCC (tracked: the caller may change it), or null.</summary>
    public static Task<Customer?> CustomerAsync(PortalDbContext db, string uscc, CancellationToken ct) => CustomerByUscc.For(db)(db, uscc, ct);

    public static async Task<RegistrationContext> LoadAsync(PortalDbContext db, AgentSnapshot agent, RegistrationCustomer customer, int? customerId, PriceList prices, int? excludingDealId, CancellationToken ct)
    {
        var protections = customerId is { } id ? await ListAsync(OpenProtections.For(db)(db, id), ct).ConfigureAwait(false) : [];
        var authorizations = await AuthorizationsAsync(db, agent.Id, ct).ConfigureAwait(false);

        // Duplicate detection: same normalized name in the same city, one indexed lookup.
        var nameMatches = (await ListAsync(SameNameInCity.For(db)(db, customer.City.Value, customer.NormalizedName), ct).ConfigureAwait(false)).Select(CustomerSnapshot.From).ToList();
        var openCount = await OpenDealCount.For(db)(db, agent.Id, excludingDealId, ct).ConfigureAwait(false);
        var past = customerId is { } known ? await ListAsync(PastRegistrations.For(db)(db, agent.Id, known, excludingDealId), ct).ConfigureAwait(false) : [];
        return new RegistrationContext(agent, customerId, protections, authorizations, nameMatches, openCount, past, prices);
    }

    /// <summary>The agent's approved cross-region authorizations (each knows the days and customers it covers).</summary>
    public static async Task<IReadOnlyList<AuthorizationSnapshot>> AuthorizationsAsync(PortalDbContext db, int agentId, CancellationToken ct) =>
        (await ListAsync(ApprovedAuthorizations.For(db)(db, agentId), ct).ConfigureAwait(false)).Select(AuthorizationSnapshot.From).ToList();

    private static async Task<List<T>> ListAsync<T>(IAsyncEnumerable<T> source, CancellationToken ct)
    {
        var list = new List<T>();
        await foreach (var item in source.WithCancellation(ct).ConfigureAwait(false))
        {
            list.Add(item);
        }

        return list;
    }
}
