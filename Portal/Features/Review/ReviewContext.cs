using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Domain.Authorizations;
using Portal.Domain.Common;
using Portal.Features.Agents;

namespace Portal.Features.Review;

/// <summary>
/// A customer that a held registration's customer resembles (<c>POSSIBLE_DUPLICATE</c>: another USCC, the same
/// normalized name, the same city), with who protects it now — for the channel manager only.
/// </summary>
public sealed record ResemblingCustomer(string Uscc, string LegalName, RegionLabel Region, string? HolderCode, string? HolderName, DateOnly? ProtectedUntil);

/// <summary>Why a registration is held, and the customers it may duplicate.</summary>
public sealed record HeldDealContext(int DealId, IReadOnlyList<Reason> Reasons, IReadOnlyList<ResemblingCustomer> Resembling);

/// <summary>One of an agent's earlier cross-region requests: where, for which window, and how it ended.</summary>
public sealed record PastAuthorization(int Id, RegionLabel Region, DateOnly ValidFrom, DateOnly ValidUntil, AuthorizationStatus Status);

/// <summary>The requesting agent's territory and its other requests — the most recent few and how many in all.</summary>
public sealed record AuthorizationRequestContext(int AuthorizationId, IReadOnlyList<RegionLabel> Territory, IReadOnlyList<PastAuthorization> Past, int PastCount);

/// <summary>
/// Review with context (DESIGN.md §9): what the channel manager needs next to a queued item to decide it — a held
/// registration's reasons and the customer it resembles, a cross-region request's territory and history. Read for a
/// page of the queue at once, through the manager's own eyes.
/// </summary>
public sealed class ReviewContextQueries(PortalData data, ReferenceData reference, BusinessClock clock)
{
    /// <summary>How many earlier requests are shown next to a cross-region request.</summary>
    public const int PastShown = 3;

    public async Task<IReadOnlyDictionary<int, HeldDealContext>> HeldDealsAsync(CurrentUser manager, IReadOnlyCollection<int> dealIds, CancellationToken cancellationToken = default)
    {
        AccessDeniedException.UnlessMay(manager, PortalPolicies.ManageChannel);
        ArgumentNullException.ThrowIfNull(dealIds);
        await using var db = await data.ForAsync(manager, cancellationToken).ConfigureAwait(false);
        var deals = await db.Deals.AsNoTracking().Include(d => d.Reasons)
            .Where(d => dealIds.Contains(d.Id))
            .Join(db.Customers, d => d.CustomerId, c => c.Id, (d, c) => new { Deal = d, c.Id, c.CityCode, c.NormalizedName })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var now = clock.Now;
        var regions = await reference.RegionsAsync().ConfigureAwait(false);
        var result = new Dictionary<int, HeldDealContext>();
        foreach (var held in deals)
        {
            var reasons = held.Deal.Reasons.Select(r => new Reason(r.Code, r.Field)).ToList();
            IReadOnlyList<ResemblingCustomer> resembling = [];
            if (reasons.Exists(r => r.Code == ReasonCode.PossibleDuplicate))
            {
                var matches = await db.Customers.AsNoTracking()
                    .Where(c => c.CityCode == held.CityCode && c.NormalizedName == held.NormalizedName && c.Id != held.Id)
                    .Select(c => new
                    {
                        c.Uscc,
                        c.LegalName,
                        c.RegionCode,
                        Holder = db.CustomerProtections.Where(p => p.CustomerId == c.Id && p.EndedAt == null && p.Since <= now && p.Until > now)
                            .Join(db.Agents, p => p.AgentId, a => a.Id, (p, a) => new { a.Code, a.LegalName, p.Until })
                            .FirstOrDefault(),
                    })
                    .Take(5)
                    .ToListAsync(cancellationToken).ConfigureAwait(false);
                resembling = [.. matches.Select(m => new ResemblingCustomer(
                    m.Uscc, m.LegalName, RegionLabels.Of(m.RegionCode, regions), m.Holder?.Code, m.Holder?.LegalName, m.Holder is null ? null : clock.LastDay(m.Holder.Until)))];
            }

            result[held.Deal.Id] = new HeldDealContext(held.Deal.Id, reasons, resembling);
        }

        return result;
    }

    public async Task<IReadOnlyDictionary<int, AuthorizationRequestContext>> AuthorizationRequestsAsync(CurrentUser manager, IReadOnlyCollection<int> authorizationIds, CancellationToken cancellationToken = default)
    {
        AccessDeniedException.UnlessMay(manager, PortalPolicies.ManageChannel);
        ArgumentNullException.ThrowIfNull(authorizationIds);
        await using var db = await data.ForAsync(manager, cancellationToken).ConfigureAwait(false);
        var requests = await db.CrossRegionAuthorizations.AsNoTracking()
            .Where(a => authorizationIds.Contains(a.Id))
            .Select(a => new { a.Id, a.AgentId })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var regions = await reference.RegionsAsync().ConfigureAwait(false);
        var result = new Dictionary<int, AuthorizationRequestContext>();
        foreach (var request in requests)
        {
            var territory = await db.Agents.AsNoTracking().Where(a => a.Id == request.AgentId)
                .SelectMany(a => a.Territory.Select(t => t.RegionCode))
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var others = db.CrossRegionAuthorizations.AsNoTracking().Where(a => a.AgentId == request.AgentId && a.Id != request.Id);
            var past = await others
                .OrderByDescending(a => a.RequestedAt).ThenByDescending(a => a.Id)
                .Take(PastShown)
                .Select(a => new { a.Id, a.RegionCode, a.ValidFrom, a.ValidUntil, a.Status })
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            result[request.Id] = new AuthorizationRequestContext(
                request.Id,
                RegionLabels.Of(territory.Order(StringComparer.Ordinal), regions),
                [.. past.Select(p => new PastAuthorization(p.Id, RegionLabels.Of(p.RegionCode, regions), p.ValidFrom, p.ValidUntil, p.Status))],
                await others.CountAsync(cancellationToken).ConfigureAwait(false));
        }

        return result;
    }
}
