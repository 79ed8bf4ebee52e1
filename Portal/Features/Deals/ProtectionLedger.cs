using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Customers;

namespace Portal.Features.Deals;

/// <summary>
/// Customer protection changes inside a use case's transaction. The database allows one open protection per
/// customer, so whatever is open is closed and saved before a new one is inserted.
/// </summary>
internal static class ProtectionLedger
{
    /// <summary>
    /// Makes <paramref name="agentId"/> the holder until <paramref name="until"/>. The caller has already decided
    /// (with the rules) that no other agent's protection is in force at <paramref name="at"/>.
    /// </summary>
    public static async Task<CustomerProtection> GrantAsync(PortalDbContext db, int customerId, int agentId, ProtectionBasis basis, DateTime at, DateTime until, int? dealId, CancellationToken ct)
    {
        var open = await db.CustomerProtections.Where(p => p.CustomerId == customerId && p.EndedAt == null).ToListAsync(ct).ConfigureAwait(false);

        // The holder's own protection in force is never shortened by a new basis (a sale's 12 months outlast a registration).
        var own = open.Where(p => p.AgentId == agentId && p.IsInForceAt(at)).ToList();
        var since = own.Select(p => p.Since).DefaultIfEmpty(at).Min();
        until = own.Select(p => p.Until).Append(until).Max();
        foreach (var protection in open)
        {
            if (protection.IsInForceAt(at) && protection.AgentId != agentId)
            {
                throw new InvalidOperationException("Customer protection: another agent holds this customer.");
            }

            // A lapsed protection expired; the holder's own one in force is superseded by the new basis.
            protection.End(at, protection.Until <= at ? ProtectionEnd.Expired : ProtectionEnd.Superseded);
        }

        if (open.Count > 0)
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }

        return GrantFirst(db, customerId, agentId, basis, since, until, dealId);
    }

    /// <summary>
    /// The first protection of a customer created in the same transaction: there is nothing open to close, so
    /// nothing is read.
    /// </summary>
    public static CustomerProtection GrantFirst(PortalDbContext db, int customerId, int agentId, ProtectionBasis basis, DateTime since, DateTime until, int? dealId)
    {
        var granted = new CustomerProtection(customerId, agentId, basis, since, until, dealId);
        db.CustomerProtections.Add(granted);
        return granted;
    }

    /// <summary>The protection a deal gave, while it is still open (to extend it).</summary>
    public static Task<CustomerProtection?> OpenForDealAsync(PortalDbContext db, int dealId, CancellationToken ct) =>
        db.CustomerProtections.Where(p => p.DealId == dealId && p.EndedAt == null).SingleOrDefaultAsync(ct);
}
