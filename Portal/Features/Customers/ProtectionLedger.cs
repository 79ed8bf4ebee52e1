using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Agents.Disqualification;
using Portal.Domain.Audit;
using Portal.Domain.Customers;
using Portal.Features.Audit;

namespace Portal.Features.Customers;

/// <summary>A protection to give: to whom, on what basis, for which period, through which deal.</summary>
public sealed record ProtectionGrant(int CustomerId, int AgentId, ProtectionBasis Basis, DateTime Since, DateTime Until, int? DealId);

/// <summary>
/// The one owner of customer protection (客户保护, DESIGN.md §2.5): every protection is granted, extended, released,
/// expired or handed over here, inside the calling use case's transaction — registration, review, sales, the expiry job
/// and the disqualification cascade all come here. The rules decide whether an agent may hold a customer; the ledger
/// keeps the invariant that at most one protection of a customer is open (the database's unique index, ADR 4), closing
/// whatever is open before it opens another.
/// </summary>
public sealed class ProtectionLedger(AuditTrail audit)
{
    /// <summary>
    /// Makes the grant's agent the holder. The holder's own protection in force is superseded, never shortened (a
    /// sale's twelve months outlast a registration's ninety days); a lapsed one is closed as expired. The caller has
    /// decided with the rules that no other agent's protection is in force.
    /// </summary>
    public async Task<CustomerProtection> GrantAsync(PortalDbContext db, ProtectionGrant grant, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(grant);
        var at = grant.Since;
        var open = await OpenAsync(db, grant.CustomerId, ct).ConfigureAwait(false);
        var own = open.Where(p => p.AgentId == grant.AgentId && p.IsInForceAt(at)).ToList();
        var since = own.Select(p => p.Since).DefaultIfEmpty(at).Min();
        var until = own.Select(p => p.Until).Append(grant.Until).Max();
        foreach (var protection in open)
        {
            if (protection.IsInForceAt(at) && protection.AgentId != grant.AgentId)
            {
                throw new InvalidOperationException("Customer protection: another agent holds this customer.");
            }

            protection.End(at, protection.Until <= at ? ProtectionEnd.Expired : ProtectionEnd.Superseded);
        }

        if (open.Count > 0)
        {
            // The unique index admits the new protection only once the old one is closed in the database.
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }

        return GrantFirst(db, grant with { Since = since, Until = until });
    }

    /// <summary>The first protection of a customer created in the same transaction: nothing is open, so nothing is read.</summary>
    public CustomerProtection GrantFirst(PortalDbContext db, ProtectionGrant grant)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(grant);
        var granted = new CustomerProtection(grant.CustomerId, grant.AgentId, grant.Basis, grant.Since, grant.Until, grant.DealId);
        db.CustomerProtections.Add(granted);
        return granted;
    }

    /// <summary>
    /// After a sale: the customer becomes the agent's developed customer — unless another agent holds it right now, in
    /// which case nothing is granted (the sale is still a fact; the conflict is Compliance's) and null is returned.
    /// </summary>
    public async Task<CustomerProtection?> GrantUnlessHeldAsync(PortalDbContext db, ProtectionGrant grant, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(grant);
        var open = await OpenAsync(db, grant.CustomerId, ct).ConfigureAwait(false);
        return open.Exists(p => p.AgentId != grant.AgentId && p.IsInForceAt(grant.Since))
            ? null
            : await GrantAsync(db, grant, ct).ConfigureAwait(false);
    }

    /// <summary>An extension granted: the agent's open protection of the customer runs to <paramref name="until"/>.</summary>
    public async Task ExtendAsync(PortalDbContext db, int customerId, int agentId, DateTime until, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var open = await OpenAsync(db, customerId, ct).ConfigureAwait(false);
        open.Find(p => p.AgentId == agentId)?.ExtendTo(until);
    }

    /// <summary>A deal lost: the protection it gave ends now and the customer is free.</summary>
    public async Task ReleaseAsync(PortalDbContext db, int dealId, DateTime at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        (await OpenForDealAsync(db, dealId, ct).ConfigureAwait(false))?.End(at, ProtectionEnd.Released);
    }

    /// <summary>
    /// Expiry of protection frees the customer (DESIGN.md §4): each of <paramref name="protections"/> that has lapsed at
    /// <paramref name="now"/> is closed and audited. Returns how many were.
    /// </summary>
    public async Task<int> ExpireAsync(PortalDbContext db, IEnumerable<CustomerProtection> protections, DateTime now, string actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(protections);
        var expired = 0;
        foreach (var protection in protections.Where(p => p.IsOpen && p.Until <= now))
        {
            protection.End(now, ProtectionEnd.Expired);
            await audit.AppendAsync(db, AuditRecord.Of(
                actor,
                AuditAction.ProtectionExpired,
                AuditEntity.CustomerProtection,
                protection.Id,
                new { protection.CustomerId, protection.AgentId, protection.Basis, protection.Until },
                new { protection.EndedAt, protection.EndReason }), ct).ConfigureAwait(false);
            expired++;
        }

        return expired;
    }

    /// <summary>
    /// The disqualification cascade's handovers: each protection ends (released, or transferred to the heir), the heir's
    /// inherited protection begins, and each is audited with the case that caused it.
    /// </summary>
    public async Task HandOverAsync(PortalDbContext db, IReadOnlyList<ProtectionHandover> handovers, DateTime now, string actor, int caseId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(handovers);
        var ids = handovers.Select(h => h.ProtectionId).ToList();
        var protections = await db.CustomerProtections.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct).ConfigureAwait(false);
        foreach (var handover in handovers)
        {
            protections[handover.ProtectionId].End(now, handover.End);
        }

        await db.SaveChangesAsync(ct).ConfigureAwait(false);

        var inherited = new Dictionary<int, CustomerProtection>();
        foreach (var handover in handovers)
        {
            if (handover is { InheritedBy: { } heir, InheritedUntil: { } until })
            {
                inherited.Add(handover.ProtectionId, GrantFirst(db, new ProtectionGrant(handover.CustomerId, heir, ProtectionBasis.Inherited, now, until, null)));
            }
        }

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        foreach (var handover in handovers)
        {
            var protection = protections[handover.ProtectionId];
            var heir = inherited.GetValueOrDefault(handover.ProtectionId);
            await audit.AppendAsync(db, AuditRecord.Of(
                actor,
                handover.End switch
                {
                    ProtectionEnd.Transferred => AuditAction.ProtectionTransferred,
                    ProtectionEnd.Expired => AuditAction.ProtectionExpired,
                    _ => AuditAction.ProtectionReleased,
                },
                AuditEntity.CustomerProtection,
                protection.Id,
                new { protection.CustomerId, protection.AgentId, protection.Until },
                new { protection.EndedAt, protection.EndReason, InheritedBy = heir?.AgentId, InheritedProtectionId = heir?.Id, InheritedUntil = heir?.Until, CaseId = caseId }), ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Arbitration moves the customer (DESIGN.md §9): <paramref name="open"/> ends now as transferred and
    /// <paramref name="toAgentId"/>'s protection begins at the same instant for the remainder of the period, with no
    /// deal behind it — one holder at every instant, the unique index admitting the new row only once the old one is
    /// closed in the database. Both are audited with the manager's reason.
    /// </summary>
    public async Task<CustomerProtection> TransferAsync(PortalDbContext db, CustomerProtection open, int toAgentId, DateTime at, string actor, string reason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(open);
        open.End(at, ProtectionEnd.Transferred);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        var granted = GrantFirst(db, new ProtectionGrant(open.CustomerId, toAgentId, ProtectionBasis.Arbitration, at, open.Until, null));
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        await audit.AppendAsync(db, AuditRecord.Of(
            actor,
            AuditAction.ProtectionTransferred,
            AuditEntity.CustomerProtection,
            open.Id,
            new { open.CustomerId, open.AgentId, open.Basis, open.Until },
            new { open.EndedAt, open.EndReason, InheritedBy = toAgentId, InheritedProtectionId = granted.Id, InheritedUntil = granted.Until, Reason = reason }), ct).ConfigureAwait(false);
        return granted;
    }

    /// <summary>Arbitration releases the customer: <paramref name="open"/> ends now and the customer is free; audited with the manager's reason.</summary>
    public Task<AuditEntry> ReleaseByArbitrationAsync(PortalDbContext db, CustomerProtection open, DateTime at, string actor, string reason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(open);
        open.End(at, ProtectionEnd.Released);
        return audit.AppendAsync(db, AuditRecord.Of(
            actor,
            AuditAction.ProtectionReleased,
            AuditEntity.CustomerProtection,
            open.Id,
            new { open.CustomerId, open.AgentId, open.Basis, open.Until },
            new { open.EndedAt, open.EndReason, Reason = reason }), ct);
    }

    private static Task<List<CustomerProtection>> OpenAsync(PortalDbContext db, int customerId, CancellationToken ct) =>
        db.CustomerProtections.Where(p => p.CustomerId == customerId && p.EndedAt == null).ToListAsync(ct);

    private static Task<CustomerProtection?> OpenForDealAsync(PortalDbContext db, int dealId, CancellationToken ct) =>
        db.CustomerProtections.Where(p => p.DealId == dealId && p.EndedAt == null).SingleOrDefaultAsync(ct);
}
