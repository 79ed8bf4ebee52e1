using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Components.Common;
using Portal.Domain.Agents;
using Portal.Domain.Audit;
using Portal.Domain.Common;
using Portal.Domain.Regions;
using Portal.Features.Agents;
using Portal.Features.Audit;
using Portal.Features.Notifications;

namespace Portal.Features.Recruitment;

/// <summary>
/// The vendor's side of recruitment (DESIGN.md §5.1: Applied → UnderReview → Active | Rejected): the queue of
/// applications, and the ChannelManager's review, signature or rejection.
/// </summary>
public sealed class AgentApplications(ChannelWrites writes, PortalData data, ReferenceData reference, AuditTrail audit, BusinessClock clock, NotificationOutbox outbox)
{
    private static readonly ContractStatus[] Pending = [ContractStatus.Applied, ContractStatus.UnderReview];

    /// <summary>Applications waiting for a decision, oldest first.</summary>
    public async Task<PagedResult<ApplicationRow>> QueueAsync(CurrentUser manager, PageRequest page, CancellationToken cancellationToken = default)
    {
        AccessDeniedException.UnlessMay(manager, PortalPolicies.ManageChannel);
        ArgumentNullException.ThrowIfNull(page);

        await using var db = await data.ForAsync(manager, cancellationToken).ConfigureAwait(false);
        var query = db.Agents.AsNoTracking().Where(a => Pending.Contains(a.Status));
        var total = await query.CountAsync(cancellationToken).ConfigureAwait(false);
        var rows = await query.OrderBy(a => a.ReviewDeadline).ThenBy(a => a.Id).Skip(page.Skip).Take(page.Take)
            .Select(a => new
            {
                a.Id, a.Code, a.LegalName, a.Uscc, a.Tier, a.Status,
                ParentCode = a.Parent == null ? null : a.Parent.Code,
                ParentName = a.Parent == null ? null : a.Parent.LegalName,
                ParentTier = a.Parent == null ? (AgentTier?)null : a.Parent.Tier,
                ParentTerritory = a.Parent!.Territory.Select(t => t.RegionCode).ToList(),
                Territory = a.Territory.Select(t => t.RegionCode).ToList(),
                a.ContactName, a.ContactPhone, a.ContactEmail, a.CreatedAt, a.ReviewDeadline,
            })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var regions = await reference.RegionsAsync().ConfigureAwait(false);
        return new PagedResult<ApplicationRow>(
            [.. rows.Select(r => new ApplicationRow(
                r.Id, r.Code, r.LegalName, r.Uscc, r.Tier, r.Status, r.ParentCode, r.ParentName, RegionLabels.Of(r.Territory, regions),
                r.ContactName, r.ContactPhone, r.ContactEmail, r.CreatedAt,
                r.ParentTier, RegionLabels.Of(r.ParentTerritory, regions), OutsideOf(r.ParentCode is null ? null : r.ParentTerritory, r.Territory),
                r.ReviewDeadline is { } deadline ? clock.LastDay(deadline) : null))],
            total);
    }

    // A sub-agent's territory lies inside its parent's (DESIGN.md §2.2): the requested regions the parent does not cover.
    private static IReadOnlyList<string> OutsideOf(IReadOnlyList<string>? parentTerritory, IReadOnlyList<string> requested)
    {
        if (parentTerritory is null)
        {
            return [];
        }

        var parent = parentTerritory.Select(code => RegionCode.TryParse(code, out var region) ? region : (RegionCode?)null).OfType<RegionCode>().ToList();
        return [.. requested.Where(code => !RegionCode.TryParse(code, out var region) || !Territory.Covers(parent, region))];
    }

    /// <summary>Applied → UnderReview: the vendor takes the application up.</summary>
    public Task<UseCaseResult<AgentEnrolled>> StartReviewAsync(CurrentUser manager, int agentId, CancellationToken cancellationToken = default)
    {
        AccessDeniedException.UnlessMay(manager, PortalPolicies.ManageChannel);
        return DecideAsync(manager, agentId, AuditAction.AgentApplicationReviewStarted, null, agent =>
        {
            if (Refusal.Unless(agent.Availability(AgentAction.StartReview, default, default)) is { } refusal)
            {
                return refusal;
            }

            agent.StartReview();
            return null;
        }, cancellationToken);
    }

    /// <summary>
    /// Applied/UnderReview → Active: the vendor signs the application for the contract period (reviewing it first when
    /// nobody has yet).
    /// </summary>
    public async Task<UseCaseResult<AgentEnrolled>> ApproveAsync(CurrentUser manager, int agentId, ContractTermsInput? terms, CancellationToken cancellationToken = default)
    {
        AccessDeniedException.UnlessMay(manager, PortalPolicies.ManageChannel);
        var check = new InputCheck();
        var period = (terms ?? new ContractTermsInput(null, null)).Validate(check, clock.Today);
        if (period is null)
        {
            return Refusal.Invalid(check.Errors);
        }

        return await DecideAsync(manager, agentId, AuditAction.AgentApplicationApproved, null, agent => Take(agent, AgentAction.Sign, () => agent.Sign(period.Value.Start, period.Value.End)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Applied/UnderReview → Rejected, with the reason (<paramref name="note"/>, required), which the audit trail keeps.</summary>
    public async Task<UseCaseResult<AgentEnrolled>> RejectAsync(CurrentUser manager, int agentId, string? note, CancellationToken cancellationToken = default)
    {
        AccessDeniedException.UnlessMay(manager, PortalPolicies.ManageChannel);
        var check = new InputCheck();
        var text = check.Text(AgentFields.Note, note, AgentFields.NoteMaxLength, multiline: true);
        if (text is null)
        {
            return Refusal.Invalid(check.Errors);
        }

        return await DecideAsync(manager, agentId, AuditAction.AgentApplicationRejected, text, agent => Take(agent, AgentAction.Reject, agent.Reject), cancellationToken).ConfigureAwait(false);
    }

    // Sign and Reject apply to an application under review; one still Applied is taken into review in the same step.
    // The review cannot be refused once the machine offers it, and from UnderReview neither signing nor rejecting is
    // guarded, so nothing is changed unless the whole step goes through.
    private static Refusal? Take(Agent agent, AgentAction action, Action act)
    {
        if (agent.CanStartReview && agent.Availability(action, default, default) is { AppliesInState: false })
        {
            agent.StartReview();
        }

        if (Refusal.Unless(agent.Availability(action, default, default)) is { } refusal)
        {
            return refusal;
        }

        act();
        return null;
    }

    private Task<UseCaseResult<AgentEnrolled>> DecideAsync(CurrentUser manager, int agentId, AuditAction auditAction, string? note, Func<Agent, Refusal?> decide, CancellationToken cancellationToken) =>
        writes.RunAsync<AgentEnrolled>(auditAction.ToString(), async (db, ct) =>
        {
            var agent = await db.Agents.SingleOrDefaultAsync(a => a.Id == agentId, ct).ConfigureAwait(false);
            if (agent is null || !await db.SeesAsync(PortalData.ScopeOf(manager), v => v.Agents.AnyAsync(a => a.Id == agentId, ct)).ConfigureAwait(false))
            {
                return Refusal.NotFound;
            }

            var before = agent.Status;
            if (decide(agent) is { } refusal)
            {
                return refusal;
            }

            await audit.AppendAsync(db, AuditRecord.Of(
                manager.Email,
                auditAction,
                AuditEntity.Agent,
                agent.Id,
                new { status = before },
                new { status = agent.Status, contractStart = agent.ContractStart, contractEnd = agent.ContractEnd, note }), ct).ConfigureAwait(false);

            // The recruiting agent learns the vendor's decision (ADR 34); taking an application up is no decision.
            if (agent.ParentId is { } parentId && agent.Status is ContractStatus.Active or ContractStatus.Rejected)
            {
                await outbox.ToAgentAsync(db, parentId, Notices.ApplicationDecided(agent.Code, agent.LegalName, agent.Status == ContractStatus.Active), ct).ConfigureAwait(false);
            }

            return UseCaseResult.Ok(new AgentEnrolled(agent.Id, agent.Code, agent.Status));
        }, cancellationToken);
}
