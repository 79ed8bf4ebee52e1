using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Domain.Authorizations;
using Portal.Domain.Deals;

namespace Portal.Features.Agents;

/// <summary>A customer the agent protects now, and until when.</summary>
public sealed record ProtectedCustomer(string Uscc, string LegalName, DateTime Until);

/// <summary>One of the agent's deals, newest first.</summary>
public sealed record AgentDeal(int Id, string CustomerName, DealStatus Status, DateTime CreatedAt);

/// <summary>One of the agent's cross-region authorizations, newest first.</summary>
public sealed record AgentAuthorization(int Id, string RegionCode, DateOnly ValidFrom, DateOnly ValidUntil, AuthorizationStatus Status);

/// <summary>
/// The agent's business as its page shows it: the customers it protects now, its deals and its cross-region
/// authorizations — each the newest <see cref="AgentActivityQueries.Shown"/> and how many there are in all.
/// </summary>
public sealed record AgentActivity(
    IReadOnlyList<ProtectedCustomer> Customers, int CustomerCount,
    IReadOnlyList<AgentDeal> Deals, int DealCount,
    IReadOnlyList<AgentAuthorization> Authorizations, int AuthorizationCount);

/// <summary>What an agent does in the channel, read through the reader's own eyes (ADR 8), for its page.</summary>
public sealed class AgentActivityQueries(PortalData data)
{
    /// <summary>How many rows of each list the page shows.</summary>
    public const int Shown = 10;

    public async Task<AgentActivity> OfAsync(CurrentUser user, int agentId, CancellationToken cancellationToken = default)
    {
        AccessDeniedException.UnlessMay(user, PortalPolicies.ReadAgents);
        await using var db = await data.ForAsync(user, cancellationToken).ConfigureAwait(false);
        var protections = db.CustomerProtections.AsNoTracking().Where(p => p.AgentId == agentId && p.EndedAt == null);
        var customers = await protections
            .OrderBy(p => p.Until)
            .Join(db.Customers, p => p.CustomerId, c => c.Id, (p, c) => new ProtectedCustomer(c.Uscc, c.LegalName, p.Until))
            .Take(Shown)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var deals = db.Deals.AsNoTracking().Where(d => d.AgentId == agentId);
        var latestDeals = await deals
            .OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id)
            .Join(db.Customers, d => d.CustomerId, c => c.Id, (d, c) => new AgentDeal(d.Id, c.LegalName, d.Status, d.CreatedAt))
            .Take(Shown)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var authorizations = db.CrossRegionAuthorizations.AsNoTracking().Where(a => a.AgentId == agentId);
        var latestAuthorizations = await authorizations
            .OrderByDescending(a => a.RequestedAt).ThenByDescending(a => a.Id)
            .Select(a => new AgentAuthorization(a.Id, a.RegionCode, a.ValidFrom, a.ValidUntil, a.Status))
            .Take(Shown)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new AgentActivity(
            customers, await protections.CountAsync(cancellationToken).ConfigureAwait(false),
            latestDeals, await deals.CountAsync(cancellationToken).ConfigureAwait(false),
            latestAuthorizations, await authorizations.CountAsync(cancellationToken).ConfigureAwait(false));
    }
}
