using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Components.Common;
using Portal.Data;
using Portal.Data.Identity;
using Portal.Domain.Authorizations;
using Portal.Domain.Common;
using Portal.Features.Agents;

namespace Portal.Features.Authorizations;

/// <summary>
/// Reading cross-region authorizations through the reader's eyes (ADR 8): a reseller sees those of its own agent and
/// its descendants, vendor staff all of them; a ChannelManager also has the queue of requests to decide.
/// </summary>
public sealed class AuthorizationDirectory(PortalData data, ReferenceData reference, BusinessClock clock)
{
    /// <summary>Authorizations the reader may see, newest request first.</summary>
    public async Task<PagedResult<AuthorizationRow>> ListAsync(CurrentUser user, AuthorizationFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        AccessDeniedException.UnlessMay(user, PortalPolicies.ReadAuthorizations);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(page);

        await using var db = await data.ForAsync(user, cancellationToken).ConfigureAwait(false);
        var query = db.CrossRegionAuthorizations.AsNoTracking();
        if (filter.Status is { } status)
        {
            query = query.Where(a => a.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(filter.AgentCode))
        {
            var code = filter.AgentCode.Trim().ToUpperInvariant();
            query = query.Where(a => db.Agents.Any(ag => ag.Id == a.AgentId && ag.Code == code));
        }

        var total = await query.CountAsync(cancellationToken).ConfigureAwait(false);
        var ordered = page.Descending || page.SortBy is null
            ? query.OrderByDescending(a => a.RequestedAt).ThenByDescending(a => a.Id)
            : query.OrderBy(a => a.RequestedAt).ThenBy(a => a.Id);
        return new PagedResult<AuthorizationRow>(await RowsAsync(db, ordered.Skip(page.Skip).Take(page.Take), cancellationToken).ConfigureAwait(false), total);
    }

    /// <summary>The ChannelManager's queue: Requested authorizations, oldest first (first come, first decided).</summary>
    public async Task<PagedResult<AuthorizationRow>> QueueAsync(CurrentUser manager, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(manager);
        AccessDeniedException.UnlessMay(manager, PortalPolicies.ManageChannel);
        ArgumentNullException.ThrowIfNull(page);

        await using var db = await data.ForAsync(manager, cancellationToken).ConfigureAwait(false);
        var query = db.CrossRegionAuthorizations.AsNoTracking().Where(a => a.Status == AuthorizationStatus.Requested);
        var total = await query.CountAsync(cancellationToken).ConfigureAwait(false);
        var ordered = query.OrderBy(a => a.ReviewDeadline).ThenBy(a => a.Id).Skip(page.Skip).Take(page.Take);
        return new PagedResult<AuthorizationRow>(await RowsAsync(db, ordered, cancellationToken).ConfigureAwait(false), total);
    }

    /// <summary>One authorization, or null when the reader may not see it (as if it did not exist).</summary>
    public async Task<AuthorizationDetail?> GetAsync(CurrentUser user, int authorizationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        AccessDeniedException.UnlessMay(user, PortalPolicies.ReadAuthorizations);

        await using var db = await data.ForAsync(user, cancellationToken).ConfigureAwait(false);
        var authorization = await db.CrossRegionAuthorizations.AsNoTracking().SingleOrDefaultAsync(a => a.Id == authorizationId, cancellationToken).ConfigureAwait(false);
        if (authorization is null)
        {
            return null;
        }

        var row = (await RowsAsync(db, db.CrossRegionAuthorizations.AsNoTracking().Where(a => a.Id == authorizationId), cancellationToken).ConfigureAwait(false)).Single();
        IReadOnlyList<ActionAvailability<AuthorizationAction>> actions = user.May(PortalPolicies.ManageChannel)
            ? [.. authorization.Actions(clock.Today).Where(a => a.AppliesInState && a.Action is not (AuthorizationAction.Expire or AuthorizationAction.TimeOut))]
            : [];
        return new AuthorizationDetail(row, user.IsInRole(PortalRoles.Reseller) ? null : authorization.DecidedBy, actions);
    }

    private async Task<IReadOnlyList<AuthorizationRow>> RowsAsync(PortalDbContext db, IQueryable<CrossRegionAuthorization> page, CancellationToken cancellationToken)
    {
        // The agent of a visible authorization is visible too; its customer only if the reader can see that customer.
        var rows = await page
            .Select(a => new
            {
                a.Id,
                Agent = db.Agents.Where(ag => ag.Id == a.AgentId).Select(ag => new { ag.Code, ag.LegalName }).First(),
                a.RegionCode,
                a.CustomerId,
                CustomerName = db.Customers.Where(c => c.Id == a.CustomerId).Select(c => c.LegalName).FirstOrDefault(),
                a.ValidFrom,
                a.ValidUntil,
                a.Status,
                a.Reason,
                a.RequestedAt,
                a.DecidedAt,
                a.DecisionNote,
                a.ReviewDeadline,
            })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var regions = await reference.RegionsAsync().ConfigureAwait(false);
        return
        [
            .. rows.Select(r => new AuthorizationRow(
                r.Id, r.Agent.Code, r.Agent.LegalName, RegionLabels.Of(r.RegionCode, regions), r.CustomerName is null ? null : r.CustomerId, r.CustomerName,
                r.ValidFrom, r.ValidUntil, r.Status, r.Reason, r.RequestedAt, r.DecidedAt, r.DecisionNote,
                r.Status == AuthorizationStatus.Requested && r.ReviewDeadline is { } deadline ? clock.LastDay(deadline) : null)),
        ];
    }
}
