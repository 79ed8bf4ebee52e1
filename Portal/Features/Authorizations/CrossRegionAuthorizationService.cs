using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Domain.Audit;
using Portal.Domain.Authorizations;
using Portal.Domain.Common;
using Portal.Domain.Policy;
using Portal.Features.Audit;
using Portal.Features.Notifications;

namespace Portal.Features.Authorizations;

/// <summary>
/// Regional protection's exception (DESIGN.md §2.4, §5.3): a reseller asks for a time-bound authorization to operate
/// outside its territory; a ChannelManager approves or rejects it, and may revoke an approved one.
/// </summary>
public sealed class CrossRegionAuthorizationService(ChannelWrites writes, PortalData data, ReferenceData reference, AuditTrail audit, BusinessClock clock, ChannelPolicy policy, NotificationOutbox outbox)
{
    /// <summary>A reseller's request for its own agent; Requested until a ChannelManager decides.</summary>
    public async Task<UseCaseResult<AuthorizationChange>> RequestAsync(CurrentUser reseller, AuthorizationRequestInput? input, CancellationToken cancellationToken = default)
    {
        var agentId = Deals.DealRegistrationService.ResellerAgent(reseller);
        var today = clock.Today;
        var regions = await reference.RegionsAsync().ConfigureAwait(false);

        // An authorization permits operating from today on (one starting in the past would legitimize what already
        // happened), for a window of a few years at most.
        var check = new InputCheck();
        var region = check.Region(AuthorizationFields.RegionCode, input?.RegionCode, code => regions.ContainsKey(code.Value));
        var latest = today.AddYears(InputLimits.MaxYearsAhead);
        var validFrom = check.Date(AuthorizationFields.ValidFrom, input?.ValidFrom, today, latest);
        var validUntil = check.Date(AuthorizationFields.ValidUntil, input?.ValidUntil, validFrom ?? today, latest);
        var reason = check.Text(AuthorizationFields.Reason, input?.Reason, CrossRegionAuthorization.ReasonMaxLength, multiline: true);
        var customerId = await CustomerAsync(reseller, input?.CustomerUscc, check, cancellationToken).ConfigureAwait(false);
        if (!check.IsValid)
        {
            return Refusal.Invalid(check.Errors);
        }

        return await writes.RunAsync<AuthorizationChange>("RequestAuthorization", async (db, ct) =>
        {
            var agent = await db.Agents.SingleOrDefaultAsync(a => a.Id == agentId, ct).ConfigureAwait(false);
            if (agent is null)
            {
                return Refusal.NotFound;
            }

            // Contract (DESIGN.md §5.1): only Active agents may request authorizations.
            if (!agent.IsActive)
            {
                return Refusal.Because(ReasonCode.AgentNotActive);
            }

            var authorization = new CrossRegionAuthorization(agentId, region!.Value, customerId, validFrom!.Value, validUntil!.Value, reason!, clock.Now);
            authorization.SetReviewDeadline(policy.AuthorizationDeadline(authorization.RequestedAt));
            db.CrossRegionAuthorizations.Add(authorization);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            await audit.AppendAsync(db, AuditRecord.Of(reseller.Email, AuditAction.AuthorizationRequested, AuditEntity.CrossRegionAuthorization, authorization.Id, after: new
            {
                agent = agent.Code,
                region = authorization.RegionCode,
                customerId,
                validFrom = authorization.ValidFrom,
                validUntil = authorization.ValidUntil,
                reason = authorization.Reason,
                reviewDeadline = authorization.ReviewDeadline,
            }), ct).ConfigureAwait(false);
            return UseCaseResult.Ok(new AuthorizationChange(authorization.Id, authorization.Status));
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Requested → Approved, with an optional note.</summary>
    public Task<UseCaseResult<AuthorizationChange>> ApproveAsync(CurrentUser manager, int authorizationId, string? note, CancellationToken cancellationToken = default) =>
        DecideAsync(manager, authorizationId, AuthorizationAction.Approve, AuditAction.AuthorizationApproved, note, noteRequired: false, (a, text, now) => a.Approve(manager.Email, now, text), cancellationToken);

    /// <summary>Requested → Rejected; a rejection says why (<paramref name="note"/>, required).</summary>
    public Task<UseCaseResult<AuthorizationChange>> RejectAsync(CurrentUser manager, int authorizationId, string? note, CancellationToken cancellationToken = default) =>
        DecideAsync(manager, authorizationId, AuthorizationAction.Reject, AuditAction.AuthorizationRejected, note, noteRequired: true, (a, text, now) => a.Reject(manager.Email, now, text!), cancellationToken);

    /// <summary>
    /// Approved → Revoked before its window ends. The entity keeps its approval; who revoked it and why
    /// (<paramref name="note"/>, required) is the audit trail's.
    /// </summary>
    public Task<UseCaseResult<AuthorizationChange>> RevokeAsync(CurrentUser manager, int authorizationId, string? note, CancellationToken cancellationToken = default) =>
        DecideAsync(manager, authorizationId, AuthorizationAction.Revoke, AuditAction.AuthorizationRevoked, note, noteRequired: true, (a, _, _) => a.Revoke(), cancellationToken, AuthorizationFields.Reason);

    private async Task<UseCaseResult<AuthorizationChange>> DecideAsync(
        CurrentUser manager,
        int authorizationId,
        AuthorizationAction action,
        AuditAction auditAction,
        string? note,
        bool noteRequired,
        Action<CrossRegionAuthorization, string?, DateTime> apply,
        CancellationToken cancellationToken,
        string noteField = AuthorizationFields.Note)
    {
        AccessDeniedException.UnlessMay(manager, PortalPolicies.ManageChannel);
        var check = new InputCheck();
        var text = check.Note(noteField, note, CrossRegionAuthorization.ReasonMaxLength, noteRequired);
        if (!check.IsValid)
        {
            return Refusal.Invalid(check.Errors);
        }

        return await writes.RunAsync<AuthorizationChange>(auditAction.ToString(), async (db, ct) =>
        {
            var authorization = await db.CrossRegionAuthorizations.SingleOrDefaultAsync(a => a.Id == authorizationId, ct).ConfigureAwait(false);
            if (authorization is null
                || !await db.SeesAsync(PortalData.ScopeOf(manager), v => v.CrossRegionAuthorizations.AnyAsync(a => a.Id == authorizationId, ct)).ConfigureAwait(false))
            {
                return Refusal.NotFound;
            }

            var now = clock.Now;
            if (Refusal.Unless(authorization.Availability(action, clock.DateOf(now))) is { } refusal)
            {
                return refusal;
            }

            var before = authorization.Status;
            apply(authorization, text, now);
            await audit.AppendAsync(db, AuditRecord.Of(manager.Email, auditAction, AuditEntity.CrossRegionAuthorization, authorization.Id, new { status = before }, new { status = authorization.Status, note = text }), ct).ConfigureAwait(false);
            await outbox.ToAgentAsync(db, authorization.AgentId, Notices.AuthorizationDecided(authorization), ct).ConfigureAwait(false);
            return UseCaseResult.Ok(new AuthorizationChange(authorization.Id, authorization.Status));
        }, cancellationToken).ConfigureAwait(false);
    }

    // An authorization may name only a customer the reseller can see (ADR 8): any other does not exist for it.
    private async Task<int?> CustomerAsync(CurrentUser reseller, string? customerUscc, InputCheck check, CancellationToken cancellationToken)
    {
        if (check.OptionalUscc(AuthorizationFields.CustomerUscc, customerUscc) is not { } uscc)
        {
            return null;
        }

        await using var db = await data.ForAsync(reseller, cancellationToken).ConfigureAwait(false);
        var id = await db.Customers.Where(c => c.Uscc == uscc.Value).Select(c => (int?)c.Id).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (id is null)
        {
            check.Add(AuthorizationFields.CustomerUscc, UseCaseCode.UnknownCustomer);
        }

        return id;
    }
}
