using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Domain.Audit;
using Portal.Domain.Common;
using Portal.Domain.Customers;
using Portal.Domain.Customers.VendorDirect;
using Portal.Features.Audit;

namespace Portal.Features.Customers;

/// <summary>
/// Customer protection's promise to agents (DESIGN.md §2.5): the vendor will not deal or settle directly with a customer
/// an agent holds. Every direct sale the vendor records passes this check first.
/// </summary>
public sealed class VendorDirectSales(ChannelWrites writes, AuditTrail audit, BusinessClock clock)
{
    /// <summary>
    /// Records a direct sale to the customer with this USCC, or refuses it with <c>VENDOR_DIRECT_BLOCKED</c> while a
    /// protection is in force. The refused attempt is audited on its own (an attempted bypass of an agent is the
    /// compliance team's business) while the refusal itself changes nothing. A company that is not on file has no
    /// protection and may be sold to.
    /// </summary>
    public async Task<UseCaseResult<VendorDirectSaleRecorded>> RecordDirectSaleAsync(CurrentUser manager, VendorDirectSaleInput? input, CancellationToken cancellationToken = default)
    {
        AccessDeniedException.UnlessMay(manager, PortalPolicies.ManageChannel);
        var check = new InputCheck();
        var uscc = check.Uscc(CustomerFields.CustomerUscc, input?.CustomerUscc);
        var note = check.OptionalText(CustomerFields.Note, input?.Note, CustomerFields.NoteMaxLength, multiline: true);
        if (!check.IsValid)
        {
            return Refusal.Invalid(check.Errors);
        }

        var code = uscc!.Value.Value;
        var result = await writes.RunAsync<VendorDirectSaleRecorded>("RecordVendorDirectSale", async (db, ct) =>
        {
            var customerId = await db.Customers.Where(c => c.Uscc == code).Select(c => (int?)c.Id).SingleOrDefaultAsync(ct).ConfigureAwait(false);

            // A customer out of a regional manager's regions does not exist for it: it may not be sold to from there (ADR 26).
            if (customerId is not null && !await db.SeesAsync(PortalData.ScopeOf(manager), v => v.Customers.AnyAsync(c => c.Id == customerId, ct)).ConfigureAwait(false))
            {
                return Refusal.NotFound;
            }
            var protections = customerId is null
                ? []
                : await db.CustomerProtections.AsNoTracking().Where(p => p.CustomerId == customerId).ToListAsync(ct).ConfigureAwait(false);

            var decision = VendorDirectRule.Decide(protections.Select(ProtectionSnapshot.From), clock.Now);
            if (decision.IsRefused)
            {
                return Refusal.Because(decision);
            }

            var entry = await audit.AppendAsync(db, new AuditRecord(manager.Email, AuditAction.VendorDirectSale, AuditEntity.Customer, code, After: new { uscc = code, customerId, note }), ct).ConfigureAwait(false);
            return UseCaseResult.Ok(new VendorDirectSaleRecorded(code, customerId, entry.Sequence));
        }, cancellationToken).ConfigureAwait(false);

        if (result.Outcome == UseCaseOutcome.Refused)
        {
            await audit.RecordAsync(new AuditRecord(manager.Email, AuditAction.VendorDirectSaleBlocked, AuditEntity.Customer, code, After: new { uscc = code, note }, ReasonCodes: result.Codes), cancellationToken).ConfigureAwait(false);
        }

        return result;
    }
}
