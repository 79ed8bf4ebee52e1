using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data.Identity;
using Portal.Domain.Common;
using Portal.Domain.Customers;
using Portal.Domain.Customers.VendorDirect;
using Portal.Features.Audit;

namespace Portal.Features.Customers;

/// <summary>
/// Customer protection's promise to agents (DESIGN.md §2.5): the vendor will not deal or settle directly with a customer
/// an agent holds. Every direct sale the vendor records passes this check first.
/// </summary>
public sealed class VendorDirectSales(ChannelWrites writes, AuditTrail audit, TimeProvider clock)
{
    internal const string EntityType = "Customer";

    /// <summary>
    /// Records a direct sale to the customer with this USCC, or refuses it with <c>VENDOR_DIRECT_BLOCKED</c> while a
    /// protection is in force (the refusal is audited too: an attempted bypass of an agent is the compliance team's
    /// business). A company that is not on file has no protection and may be sold to.
    /// </summary>
    public async Task<UseCaseResult<VendorDirectSaleRecorded>> RecordDirectSaleAsync(CurrentUser manager, VendorDirectSaleInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(manager);
        AccessDeniedException.Unless(manager.IsInRole(PortalRoles.ChannelManager));
        ArgumentNullException.ThrowIfNull(input);

        var errors = new InputErrors();
        Uscc uscc = default;
        if (string.IsNullOrWhiteSpace(input.CustomerUscc))
        {
            errors.Add(CustomerFields.CustomerUscc, ReasonCode.Required);
        }
        else if (!Uscc.TryParse(input.CustomerUscc, out uscc, out _))
        {
            errors.Add(CustomerFields.CustomerUscc, ReasonCode.InvalidUscc);
        }

        var note = errors.Optional(CustomerFields.Note, input.Note, CustomerFields.NoteMaxLength);
        if (errors.Any)
        {
            return errors.ToRefusal();
        }

        return await writes.RunAsync<UseCaseResult<VendorDirectSaleRecorded>>("RecordVendorDirectSale", async (db, ct) =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var customerId = await db.Customers.Where(c => c.Uscc == uscc.Value).Select(c => (int?)c.Id).SingleOrDefaultAsync(ct).ConfigureAwait(false);
            var protections = customerId is null
                ? []
                : await db.CustomerProtections.AsNoTracking().Where(p => p.CustomerId == customerId).ToListAsync(ct).ConfigureAwait(false);

            var decision = VendorDirectRule.Decide(protections.Select(ProtectionSnapshot.From), now);
            var after = AuditJson.Of(new { uscc = uscc.Value, customerId, note });
            if (decision.IsRefused)
            {
                await audit.AppendAsync(db, new AuditRecord(manager.Email, "VendorDirectSaleBlocked", EntityType, uscc.Value, After: after, ReasonCodes: decision.Codes), ct).ConfigureAwait(false);
                return Refusal.Because(decision);
            }

            var entry = await audit.AppendAsync(db, new AuditRecord(manager.Email, "VendorDirectSale", EntityType, uscc.Value, After: after), ct).ConfigureAwait(false);
            return UseCaseResult.Ok(new VendorDirectSaleRecorded(uscc.Value, customerId, entry.Sequence));
        }, cancellationToken).ConfigureAwait(false);
    }
}
