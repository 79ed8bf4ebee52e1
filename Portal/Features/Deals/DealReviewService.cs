using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;
using Portal.Data.Identity;
using Portal.Domain.Common;
using Portal.Domain.Customers;
using Portal.Domain.Deals;
using Portal.Domain.Deals.Registration;
using Portal.Domain.Policy;
using Portal.Features.Audit;

namespace Portal.Features.Deals;

/// <summary>
/// The ChannelManager's side of deal registration: registrations held for review (a possible duplicate) and
/// extension requests. Approving a reviewed registration judges again what may have changed since it was submitted —
/// above all customer protection: if another agent registered the customer meanwhile, the first committed wins.
/// </summary>
public sealed class DealReviewService(ChannelWrites writes, ReferenceData reference, AuditTrail audit, ChannelPolicy policy, TimeProvider clock)
{
    public async Task<DealActionResult> ApproveAsync(CurrentUser manager, int dealId, string? note, CancellationToken cancellationToken = default)
    {
        RequireManager(manager);
        return await writes.RunAsync("ApproveReviewedDeal", async (db, ct) =>
        {
            // The instant is taken once the write lock is held: a registration that waited judges what committed before it.
            var at = clock.GetUtcNow().UtcDateTime;
            var (deal, failure) = await ReviewableAsync(db, dealId, DealAction.Approve, at, ct).ConfigureAwait(false);
            if (deal is null)
            {
                return failure!;
            }

            var customer = await db.Customers.AsNoTracking().SingleAsync(c => c.Id == deal.CustomerId, ct).ConfigureAwait(false);
            var agent = await RegistrationContextLoader.AgentAsync(db, deal.AgentId, ct).ConfigureAwait(false);
            var registering = new RegistrationCustomer(Uscc.Parse(customer.Uscc), customer.LegalName, customer.Region, customer.Segment);
            var prices = await reference.PriceListAsync(db, ct).ConfigureAwait(false);
            var context = await RegistrationContextLoader.LoadAsync(db, agent, registering, customer.Id, prices, deal.Id, ct).ConfigureAwait(false);
            var decision = DealRegistrationRules.ApproveAfterReview(registering, context, policy, at);
            if (!decision.IsApproved)
            {
                deal.Reject(decision.Reasons.Select(r => new DealReason(r.Code, r.Field)), at, note);
                await audit.AppendAsync(db, new AuditRecord(manager.Email, "ReviewedDealRejected", "Deal", DealRegistrationService.Id(deal.Id), "PendingReview", "Rejected", decision.Codes), ct).ConfigureAwait(false);
                return DealActionResult.Refused(decision.Reasons);
            }

            deal.Approve(at, decision.ProtectedUntil!.Value, note);
            await ProtectionLedger.GrantAsync(db, customer.Id, deal.AgentId, ProtectionBasis.Registration, at, decision.ProtectedUntil.Value, deal.Id, ct).ConfigureAwait(false);
            await audit.AppendAsync(db, new AuditRecord(manager.Email, "ReviewedDealApproved", "Deal", DealRegistrationService.Id(deal.Id), "PendingReview", $"Approved until {deal.ProtectedUntil:O}; {note}"), ct).ConfigureAwait(false);
            return DealActionResult.Done();
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>PendingReview → Rejected, with the manager's written reason.</summary>
    public async Task<DealActionResult> RejectAsync(CurrentUser manager, int dealId, string? note, CancellationToken cancellationToken = default)
    {
        RequireManager(manager);
        if (string.IsNullOrWhiteSpace(note))
        {
            return DealActionResult.Invalid([new FieldError("note", ReasonCode.ReasonRequired)]);
        }

        return await writes.RunAsync("RejectReviewedDeal", async (db, ct) =>
        {
            // The instant is taken once the write lock is held: a registration that waited judges what committed before it.
            var at = clock.GetUtcNow().UtcDateTime;
            var (deal, failure) = await ReviewableAsync(db, dealId, DealAction.Reject, at, ct).ConfigureAwait(false);
            if (deal is null)
            {
                return failure!;
            }

            // The registration keeps the reasons it was held for review.
            deal.Reject(deal.Reasons.Select(r => new DealReason(r.Code, r.Field)).ToList(), at, note);
            await audit.AppendAsync(db, new AuditRecord(manager.Email, "ReviewedDealRejected", "Deal", DealRegistrationService.Id(deal.Id), "PendingReview", $"Rejected: {note}", deal.Reasons.Select(r => r.Code).Distinct().ToList()), ct).ConfigureAwait(false);
            return DealActionResult.Done();
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>ExtensionRequested → Approved: granted (protection moved by ExtensionDays) or refused with a note.</summary>
    public async Task<DealActionResult> DecideExtensionAsync(CurrentUser manager, int dealId, bool grant, string? note, CancellationToken cancellationToken = default)
    {
        RequireManager(manager);
        if (!grant && string.IsNullOrWhiteSpace(note))
        {
            return DealActionResult.Invalid([new FieldError("note", ReasonCode.ReasonRequired)]);
        }

        return await writes.RunAsync("DecideExtension", async (db, ct) =>
        {
            // The instant is taken once the write lock is held: a registration that waited judges what committed before it.
            var at = clock.GetUtcNow().UtcDateTime;
            var (deal, failure) = await ReviewableAsync(db, dealId, grant ? DealAction.GrantExtension : DealAction.RefuseExtension, at, ct).ConfigureAwait(false);
            if (deal is null)
            {
                return failure!;
            }

            if (!grant)
            {
                deal.RefuseExtension(note!);
                await audit.AppendAsync(db, new AuditRecord(manager.Email, "ExtensionRefused", "Deal", DealRegistrationService.Id(deal.Id), "ExtensionRequested", $"Approved; {note}"), ct).ConfigureAwait(false);
                return DealActionResult.Done();
            }

            var until = deal.ProtectedUntil!.Value.AddDays(policy.Protection.ExtensionDays);
            deal.GrantExtension(until, note);
            var protection = await db.CustomerProtections.SingleOrDefaultAsync(p => p.CustomerId == deal.CustomerId && p.AgentId == deal.AgentId && p.EndedAt == null, ct).ConfigureAwait(false);
            protection?.ExtendTo(until);
            await audit.AppendAsync(db, new AuditRecord(manager.Email, "ExtensionGranted", "Deal", DealRegistrationService.Id(deal.Id), "ExtensionRequested", $"Approved until {until:O}; {note}"), ct).ConfigureAwait(false);
            return DealActionResult.Done();
        }, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<(DealRegistration? Deal, DealActionResult? Failure)> ReviewableAsync(PortalDbContext db, int dealId, DealAction action, DateTime at, CancellationToken ct)
    {
        var deal = await db.Deals.Include(d => d.Reasons).SingleOrDefaultAsync(d => d.Id == dealId, ct).ConfigureAwait(false);
        if (deal is null)
        {
            return (null, DealActionResult.NotFound);
        }

        var availability = deal.Availability(action, at);
        return availability.IsAllowed
            ? (deal, null)
            : (null, DealActionResult.NotAllowedNow(availability.AppliesInState ? availability.UnmetGuards : [DealLifecycleService.NotInThisState]));
    }

    private static void RequireManager(CurrentUser manager)
    {
        ArgumentNullException.ThrowIfNull(manager);
        AccessDeniedException.Unless(manager.IsInRole(PortalRoles.ChannelManager));
    }
}
