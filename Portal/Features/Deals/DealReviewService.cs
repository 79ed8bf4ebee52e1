using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;
using Portal.Domain.Audit;
using Portal.Domain.Common;
using Portal.Domain.Customers;
using Portal.Domain.Deals;
using Portal.Domain.Deals.Registration;
using Portal.Domain.Policy;
using Portal.Features.Audit;
using Portal.Features.Customers;
using Portal.Features.Notifications;

namespace Portal.Features.Deals;

/// <summary>
/// The ChannelManager's side of deal registration: registrations held for review (a possible duplicate) and
/// extension requests. Approving a reviewed registration judges again what may have changed since it was submitted —
/// above all customer protection: if another agent registered the customer meanwhile, the first committed wins and the
/// approval becomes a rejection with its reasons.
/// </summary>
public sealed class DealReviewService(ChannelWrites writes, ReferenceData reference, ProtectionLedger protections, AuditTrail audit, ChannelPolicy policy, BusinessClock clock, NotificationOutbox outbox)
{
    /// <summary>The most a decision's note may say.</summary>
    public const int NoteMaxLength = 1000;

    /// <summary>PendingReview → Approved (protection from now), or Rejected when the rules now refuse it.</summary>
    public Task<UseCaseResult<DealChanged>> ApproveAsync(CurrentUser manager, int dealId, string? note, CancellationToken cancellationToken = default) =>
        DecideAsync(manager, dealId, DealAction.Approve, note, noteRequired: false, async (db, deal, text, at, ct) =>
        {
            var customer = await db.Customers.AsNoTracking().SingleAsync(c => c.Id == deal.CustomerId, ct).ConfigureAwait(false);
            var agent = await RegistrationContextLoader.AgentAsync(db, deal.AgentId, ct).ConfigureAwait(false);
            var registering = new RegistrationCustomer(Uscc.Parse(customer.Uscc), customer.LegalName, customer.Region, customer.Segment);
            var prices = await reference.PriceListAsync(db, ct).ConfigureAwait(false);
            var context = await RegistrationContextLoader.LoadAsync(db, agent, registering, customer.Id, prices, deal.Id, ct).ConfigureAwait(false);
            var decision = DealRegistrationRules.ApproveAfterReview(registering, context, policy, at);
            if (!decision.IsApproved)
            {
                deal.Reject(decision.Reasons.Select(r => new DealReason(r.Code, r.Field)), at, text);
                await AuditAsync(db, manager, AuditAction.ReviewedDealRejected, deal, DealStatus.PendingReview, text, decision.Codes, ct).ConfigureAwait(false);
                await DealNotices.DecidedAsync(outbox, db, deal, customer.LegalName, ct).ConfigureAwait(false);
                return UseCaseResult.Ok(new DealChanged(deal.Id, deal.Status, null, decision.Reasons));
            }

            deal.Approve(at, decision.ProtectedUntil!.Value, text);
            await protections.GrantAsync(db, new ProtectionGrant(customer.Id, deal.AgentId, ProtectionBasis.Registration, at, decision.ProtectedUntil.Value, deal.Id), ct).ConfigureAwait(false);
            await AuditAsync(db, manager, AuditAction.ReviewedDealApproved, deal, DealStatus.PendingReview, text, null, ct).ConfigureAwait(false);
            await DealNotices.DecidedAsync(outbox, db, deal, customer.LegalName, ct).ConfigureAwait(false);
            return UseCaseResult.Ok(new DealChanged(deal.Id, deal.Status, clock.LastDay(deal.ProtectedUntil!.Value), []));
        }, cancellationToken);

    /// <summary>PendingReview → Rejected, with the manager's written reason; the registration keeps the reasons it was held for.</summary>
    public Task<UseCaseResult<DealChanged>> RejectAsync(CurrentUser manager, int dealId, string? note, CancellationToken cancellationToken = default) =>
        DecideAsync(manager, dealId, DealAction.Reject, note, noteRequired: true, async (db, deal, text, at, ct) =>
        {
            var reasons = deal.Reasons.Select(r => new Reason(r.Code, r.Field)).ToList();
            deal.Reject(reasons.Select(r => new DealReason(r.Code, r.Field)).ToList(), at, text);
            await AuditAsync(db, manager, AuditAction.ReviewedDealRejected, deal, DealStatus.PendingReview, text, [.. reasons.Select(r => r.Code).Distinct()], ct).ConfigureAwait(false);
            var customer = await db.Customers.AsNoTracking().Where(c => c.Id == deal.CustomerId).Select(c => c.LegalName).SingleAsync(ct).ConfigureAwait(false);
            await DealNotices.DecidedAsync(outbox, db, deal, customer, ct).ConfigureAwait(false);
            return UseCaseResult.Ok(new DealChanged(deal.Id, deal.Status, null, reasons));
        }, cancellationToken);

    /// <summary>ExtensionRequested → Approved: granted (protection moved by ExtensionDays) or refused with a written reason.</summary>
    public Task<UseCaseResult<DealChanged>> DecideExtensionAsync(CurrentUser manager, int dealId, bool grant, string? note, CancellationToken cancellationToken = default) =>
        DecideAsync(manager, dealId, grant ? DealAction.GrantExtension : DealAction.RefuseExtension, note, noteRequired: !grant, async (db, deal, text, _, ct) =>
        {
            if (!grant)
            {
                deal.RefuseExtension(text!);
                await AuditAsync(db, manager, AuditAction.ExtensionRefused, deal, DealStatus.ExtensionRequested, text, null, ct).ConfigureAwait(false);
                await TellExtensionAsync(db, deal, granted: false, ct).ConfigureAwait(false);
                return UseCaseResult.Ok(new DealChanged(deal.Id, deal.Status, clock.LastDay(deal.ProtectedUntil!.Value), []));
            }

            var until = RegistrationExtension.ExtendedUntil(deal.ProtectedUntil!.Value, policy);
            deal.GrantExtension(until, text);
            await protections.ExtendAsync(db, deal.CustomerId, deal.AgentId, until, ct).ConfigureAwait(false);
            await AuditAsync(db, manager, AuditAction.ExtensionGranted, deal, DealStatus.ExtensionRequested, text, null, ct).ConfigureAwait(false);
            await TellExtensionAsync(db, deal, granted: true, ct).ConfigureAwait(false);
            return UseCaseResult.Ok(new DealChanged(deal.Id, deal.Status, clock.LastDay(until), []));
        }, cancellationToken);

    /// <summary>
    /// Approved/ExtensionRequested → Cancelled by a ChannelManager, with a written reason (DESIGN.md §9). The protection
    /// the deal gave ends with it (released): the customer is free.
    /// </summary>
    public async Task<UseCaseResult<DealChanged>> CancelAsync(CurrentUser manager, int dealId, string? reason, CancellationToken cancellationToken = default)
    {
        AccessDeniedException.UnlessMay(manager, PortalPolicies.ManageChannel);
        var check = new InputCheck();
        var text = check.Text(InputField.WrittenReason, reason, NoteMaxLength, multiline: true);
        if (!check.IsValid)
        {
            return Refusal.Invalid(check.Errors);
        }

        return await writes.RunAsync<DealChanged>("CancelDeal", async (db, ct) =>
        {
            var at = clock.Now;
            var deal = await db.Deals.Include(d => d.Reasons).SingleOrDefaultAsync(d => d.Id == dealId, ct).ConfigureAwait(false);
            if (deal is null)
            {
                return Refusal.NotFound;
            }

            if (Refusal.Unless(deal.CancellationAvailability()) is { } refusal)
            {
                return refusal;
            }

            var before = deal.Status;
            deal.CancelWithReason(text!);
            await protections.ReleaseAsync(db, deal.Id, at, ct).ConfigureAwait(false);
            await AuditAsync(db, manager, AuditAction.DealCancelled, deal, before, text, null, ct).ConfigureAwait(false);
            return UseCaseResult.Ok(new DealChanged(deal.Id, deal.Status, null, []));
        }, cancellationToken).ConfigureAwait(false);
    }

    // Every decision: the manager's policy, the note checked, the deal loaded and the machine asked, then the decision.
    private async Task<UseCaseResult<DealChanged>> DecideAsync(
        CurrentUser manager,
        int dealId,
        DealAction action,
        string? note,
        bool noteRequired,
        Func<PortalDbContext, DealRegistration, string?, DateTime, CancellationToken, Task<UseCaseResult<DealChanged>>> decide,
        CancellationToken cancellationToken)
    {
        AccessDeniedException.UnlessMay(manager, PortalPolicies.ManageChannel);
        var check = new InputCheck();
        var text = check.Note(DealFields.Note, note, NoteMaxLength, noteRequired);
        if (!check.IsValid)
        {
            return Refusal.Invalid(check.Errors);
        }

        return await writes.RunAsync<DealChanged>(action.ToString(), async (db, ct) =>
        {
            var at = clock.Now;
            var (deal, refusal) = await ReviewableAsync(db, PortalData.ScopeOf(manager), dealId, action, at, ct).ConfigureAwait(false);
            return deal is null ? refusal! : await decide(db, deal, text, at, ct).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    // The reseller learns the manager's decision on its extension (ADR 34).
    private async Task TellExtensionAsync(PortalDbContext db, DealRegistration deal, bool granted, CancellationToken ct)
    {
        var customer = await db.Customers.Where(c => c.Id == deal.CustomerId).Select(c => c.LegalName).SingleAsync(ct).ConfigureAwait(false);
        await outbox.ToAgentAsync(db, deal.AgentId, Notices.ExtensionDecided(deal.Id, customer, granted, clock.LastDay(deal.ProtectedUntil!.Value)), ct).ConfigureAwait(false);
    }

    private Task<AuditEntry> AuditAsync(PortalDbContext db, CurrentUser manager, AuditAction action, DealRegistration deal, DealStatus before, string? note, IReadOnlyList<string>? codes, CancellationToken ct) =>
        audit.AppendAsync(db, AuditRecord.Of(manager.Email, action, AuditEntity.Deal, deal.Id, new { Status = before }, new { deal.Status, deal.ProtectedUntil, Note = note }, codes), ct);

    // A deal out of a regional manager's regions does not exist for it (ADR 26).
    private static async Task<(DealRegistration? Deal, Refusal? Refusal)> ReviewableAsync(PortalDbContext db, DataScope scope, int dealId, DealAction action, DateTime at, CancellationToken ct)
    {
        var deal = await db.Deals.Include(d => d.Reasons).SingleOrDefaultAsync(d => d.Id == dealId, ct).ConfigureAwait(false);
        if (deal is null || !await db.SeesAsync(scope, v => v.Deals.AnyAsync(d => d.Id == dealId, ct)).ConfigureAwait(false))
        {
            return (null, Refusal.NotFound);
        }

        return Refusal.Unless(deal.Availability(action, at)) is { } refusal ? (null, refusal) : (deal, null);
    }
}
