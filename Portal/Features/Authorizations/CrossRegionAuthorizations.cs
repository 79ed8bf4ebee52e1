using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;
using Portal.Data.Identity;
using Portal.Domain.Authorizations;
using Portal.Domain.Common;
using Portal.Domain.Customers;
using Portal.Features.Audit;

namespace Portal.Features.Authorizations;

/// <summary>
/// Regional protection's exception (DESIGN.md §2.4, §5.3): a reseller asks for a time-bound authorization to operate
/// outside its territory; a ChannelManager approves or rejects it, and may revoke an approved one.
/// </summary>
public sealed class CrossRegionAuthorizations(ChannelWrites writes, PortalData data, ReferenceData reference, AuditTrail audit, TimeProvider clock)
{
    internal const string EntityType = "CrossRegionAuthorization";

    /// <summary>A reseller's request for its own agent; Requested until a ChannelManager decides.</summary>
    public async Task<UseCaseResult<AuthorizationChange>> RequestAsync(CurrentUser reseller, AuthorizationRequestInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reseller);
        AccessDeniedException.Unless(reseller.IsInRole(PortalRoles.Reseller) && reseller.AgentId is not null);
        ArgumentNullException.ThrowIfNull(input);
        var agentId = reseller.AgentId!.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = BusinessDay.Of(now);

        var errors = new InputErrors();
        var region = errors.Region(AuthorizationFields.RegionCode, input.RegionCode, await reference.RegionsAsync().ConfigureAwait(false));
        var validFrom = errors.Required(AuthorizationFields.ValidFrom, input.ValidFrom);
        var validUntil = errors.Required(AuthorizationFields.ValidUntil, input.ValidUntil);

        // An authorization permits operating from now on; one starting in the past would legitimize what already happened.
        if (validFrom < today)
        {
            errors.Add(AuthorizationFields.ValidFrom, ReasonCode.InvalidDate);
        }

        if (validUntil < validFrom)
        {
            errors.Add(AuthorizationFields.ValidUntil, ReasonCode.InvalidDate);
        }

        var reason = errors.Required(AuthorizationFields.Reason, input.Reason, CrossRegionAuthorization.ReasonMaxLength);
        var customerId = await CustomerAsync(reseller, input.CustomerUscc, errors, cancellationToken).ConfigureAwait(false);
        if (errors.Any)
        {
            return errors.ToRefusal();
        }

        return await writes.RunAsync<UseCaseResult<AuthorizationChange>>("RequestAuthorization", async (db, ct) =>
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

            var authorization = new CrossRegionAuthorization(agentId, region!.Value, customerId, validFrom!.Value, validUntil!.Value, reason!, now);
            db.CrossRegionAuthorizations.Add(authorization);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            await AuditAsync(db, reseller.Email, "AuthorizationRequested", authorization, null, new
            {
                agent = agent.Code,
                region = authorization.RegionCode,
                customerId,
                validFrom = authorization.ValidFrom,
                validUntil = authorization.ValidUntil,
                reason = authorization.Reason,
            }, ct).ConfigureAwait(false);
            return UseCaseResult.Ok(new AuthorizationChange(authorization.Id, authorization.Status));
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Requested → Approved, with an optional note.</summary>
    public Task<UseCaseResult<AuthorizationChange>> ApproveAsync(CurrentUser manager, int authorizationId, string? note, CancellationToken cancellationToken = default)
    {
        AuthorizeManager(manager);
        var errors = new InputErrors();
        var text = errors.Optional(AuthorizationFields.Note, note, CrossRegionAuthorization.ReasonMaxLength);
        return errors.Any
            ? Task.FromResult<UseCaseResult<AuthorizationChange>>(errors.ToRefusal())
            : DecideAsync(manager, authorizationId, AuthorizationAction.Approve, "AuthorizationApproved", text, (a, now) => a.Approve(manager.Email, now, text), cancellationToken);
    }

    /// <summary>Requested → Rejected; a rejection says why (<paramref name="note"/>, required).</summary>
    public Task<UseCaseResult<AuthorizationChange>> RejectAsync(CurrentUser manager, int authorizationId, string? note, CancellationToken cancellationToken = default)
    {
        AuthorizeManager(manager);
        var errors = new InputErrors();
        var text = errors.Required(AuthorizationFields.Note, note, CrossRegionAuthorization.ReasonMaxLength);
        return errors.Any
            ? Task.FromResult<UseCaseResult<AuthorizationChange>>(errors.ToRefusal())
            : DecideAsync(manager, authorizationId, AuthorizationAction.Reject, "AuthorizationRejected", text, (a, now) => a.Reject(manager.Email, now, text!), cancellationToken);
    }

    /// <summary>
    /// Approved → Revoked before its window ends. The entity keeps its approval; who revoked it and why
    /// (<paramref name="note"/>, required) is the audit trail's.
    /// </summary>
    public Task<UseCaseResult<AuthorizationChange>> RevokeAsync(CurrentUser manager, int authorizationId, string? note, CancellationToken cancellationToken = default)
    {
        AuthorizeManager(manager);
        var errors = new InputErrors();
        var text = errors.Required(AuthorizationFields.Note, note, CrossRegionAuthorization.ReasonMaxLength);
        return errors.Any
            ? Task.FromResult<UseCaseResult<AuthorizationChange>>(errors.ToRefusal())
            : DecideAsync(manager, authorizationId, AuthorizationAction.Revoke, "AuthorizationRevoked", text, (a, _) => a.Revoke(), cancellationToken);
    }

    private static void AuthorizeManager(CurrentUser manager)
    {
        ArgumentNullException.ThrowIfNull(manager);
        AccessDeniedException.Unless(manager.IsInRole(PortalRoles.ChannelManager));
    }

    private async Task AuditAsync(PortalDbContext db, string actor, string action, CrossRegionAuthorization authorization, object? before, object after, CancellationToken ct) =>
        await audit.AppendAsync(db, new AuditRecord(
            actor,
            action,
            EntityType,
            authorization.Id.ToString(CultureInfo.InvariantCulture),
            before is null ? null : AuditJson.Of(before),
            AuditJson.Of(after)), ct).ConfigureAwait(false);

    private Task<UseCaseResult<AuthorizationChange>> DecideAsync(
        CurrentUser manager, int authorizationId, AuthorizationAction action, string auditAction, string? note, Action<CrossRegionAuthorization, DateTime> apply, CancellationToken cancellationToken) =>
        writes.RunAsync<UseCaseResult<AuthorizationChange>>(auditAction, async (db, ct) =>
        {
            var authorization = await db.CrossRegionAuthorizations.SingleOrDefaultAsync(a => a.Id == authorizationId, ct).ConfigureAwait(false);
            if (authorization is null)
            {
                return Refusal.NotFound;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var availability = authorization.Availability(action, BusinessDay.Of(now));
            if (!availability.IsAllowed)
            {
                return Refusal.Transition(availability);
            }

            var before = authorization.Status;
            try
            {
                apply(authorization, now);
            }
            catch (DomainException ex)
            {
                return Refusal.From(ex);
            }

            await AuditAsync(db, manager.Email, auditAction, authorization, new { status = before }, new { status = authorization.Status, note }, ct).ConfigureAwait(false);
            return UseCaseResult.Ok(new AuthorizationChange(authorization.Id, authorization.Status));
        }, cancellationToken);

    // An authorization may name only a customer the reseller can see (ADR 8): any other does not exist for it.
    private async Task<int?> CustomerAsync(CurrentUser reseller, string? customerUscc, InputErrors errors, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(customerUscc))
        {
            return null;
        }

        if (!Uscc.TryParse(customerUscc, out var uscc, out _))
        {
            errors.Add(AuthorizationFields.CustomerUscc, ReasonCode.InvalidUscc);
            return null;
        }

        await using var db = await data.ForAsync(reseller, cancellationToken).ConfigureAwait(false);
        var id = await db.Customers.Where(c => c.Uscc == uscc.Value).Select(c => (int?)c.Id).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (id is null)
        {
            errors.Add(AuthorizationFields.CustomerUscc, UseCaseCode.UnknownCustomer);
        }

        return id;
    }
}
