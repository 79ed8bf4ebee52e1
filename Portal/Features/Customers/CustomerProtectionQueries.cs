using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Domain.Customers;
using Portal.Features.Agents;

namespace Portal.Features.Customers;

/// <summary>Who holds the customer now: the agent, on what basis, since when, to which business day, through which deal.</summary>
public sealed record ProtectionHolder(string AgentCode, string AgentName, ProtectionBasis Basis, DateTime Since, DateOnly Until, int? DealId);

/// <summary>One protection the customer has had, newest first; <see cref="EndedAt"/> is null for the one open now.</summary>
public sealed record ProtectionHistoryEntry(int Id, string AgentCode, string AgentName, ProtectionBasis Basis, DateTime Since, DateOnly Until, DateTime? EndedAt, ProtectionEnd? EndReason, int? DealId);

/// <summary>A customer's protection as the channel manager reads it (and the arbitration endpoints answer): the holder and the whole history.</summary>
public sealed record CustomerProtectionView(string Uscc, string LegalName, RegionLabel Region, CustomerSegment Segment, ProtectionHolder? Holder, IReadOnlyList<ProtectionHistoryEntry> History);

/// <summary>
/// The customer's page for channel managers: its holder and protection history. Vendor staff only — a reseller never
/// learns another agent's customer or holder (DESIGN.md §4); read through the manager's own eyes (regional scope).
/// </summary>
public sealed class CustomerProtectionQueries(PortalData data, ReferenceData reference, BusinessClock clock)
{
    public async Task<CustomerProtectionView?> GetAsync(CurrentUser manager, string? uscc, CancellationToken cancellationToken = default)
    {
        AccessDeniedException.UnlessMay(manager, PortalPolicies.ManageChannel);
        var key = uscc?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(key))
        {
            return null;
        }

        await using var db = await data.ForAsync(manager, cancellationToken).ConfigureAwait(false);
        var customer = await db.Customers.AsNoTracking().SingleOrDefaultAsync(c => c.Uscc == key, cancellationToken).ConfigureAwait(false);
        if (customer is null)
        {
            return null;
        }

        var rows = await db.CustomerProtections.AsNoTracking()
            .Where(p => p.CustomerId == customer.Id)
            .Join(db.Agents, p => p.AgentId, a => a.Id, (p, a) => new { p.Id, a.Code, a.LegalName, p.Basis, p.Since, p.Until, p.EndedAt, p.EndReason, p.DealId })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var history = rows
            .OrderByDescending(r => r.Since).ThenByDescending(r => r.Id)
            .Select(r => new ProtectionHistoryEntry(r.Id, r.Code, r.LegalName, r.Basis, r.Since, clock.LastDay(r.Until), r.EndedAt, r.EndReason, r.DealId))
            .ToList();
        var now = clock.Now;
        var holder = rows.Find(r => r.EndedAt is null && r.Since <= now && now < r.Until) is { } h
            ? new ProtectionHolder(h.Code, h.LegalName, h.Basis, h.Since, clock.LastDay(h.Until), h.DealId)
            : null;
        var regions = await reference.RegionsAsync().ConfigureAwait(false);
        return new CustomerProtectionView(customer.Uscc, customer.LegalName, RegionLabels.Of(customer.RegionCode, regions), customer.Segment, holder, history);
    }
}
