using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Domain.Agents;
using Portal.Domain.Agents.Hierarchy;
using Portal.Domain.Audit;
using Portal.Domain.Common;
using Portal.Domain.Policy;
using Portal.Domain.Regions;
using Portal.Features.Audit;

namespace Portal.Features.Agents;

/// <summary>
/// The ChannelManager's administration of an agent: its grade (tier and territory, judged by
/// <see cref="HierarchyRules"/>) and its contract (suspend, reinstate, renew, terminate — through the contract machine,
/// DESIGN.md §5.1).
/// </summary>
public sealed class AgentAdministration(ChannelWrites writes, ReferenceData reference, AuditTrail audit, ChannelPolicy policy, BusinessClock clock)
{
    // Sub-agents whose contract ended for good no longer hold their parent to the hierarchy's shape; applications do.
    private static readonly ContractStatus[] EndedForGood = [ContractStatus.Rejected, ContractStatus.Revoked, ContractStatus.Terminated];

    /// <summary>Regrades an agent, with a written reason: a new tier and/or territory, judged against its parent and its sub-agents.</summary>
    public async Task<UseCaseResult<AgentUpdated>> ChangeAsync(CurrentUser manager, int agentId, AgentChangeInput? input, CancellationToken cancellationToken = default)
    {
        AccessDeniedException.UnlessMay(manager, PortalPolicies.ManageChannel);
        var regions = await reference.RegionsAsync().ConfigureAwait(false);
        var check = new InputCheck();
        if (input?.Tier is null && input?.Territory is null)
        {
            check.Add(AgentFields.Tier, ReasonCode.Required);
            check.Add(AgentFields.Territory, ReasonCode.Required);
        }

        var tier = input?.Tier is null ? null : check.Defined(AgentFields.Tier, input.Tier);
        var territory = input?.Territory is null ? null : check.Territory(AgentFields.Territory, input.Territory, code => regions.ContainsKey(code.Value));
        var reason = check.Text(AgentFields.Reason, input?.Reason, AgentFields.NoteMaxLength, multiline: true);
        if (!check.IsValid)
        {
            return Refusal.Invalid(check.Errors);
        }

        return await writes.RunAsync<AgentUpdated>("ChangeAgentGrade", async (db, ct) =>
        {
            var agent = await db.Agents.Include(a => a.Territory).SingleOrDefaultAsync(a => a.Id == agentId, ct).ConfigureAwait(false);
            if (agent is null || !await db.SeesAsync(PortalData.ScopeOf(manager), v => v.Agents.AnyAsync(a => a.Id == agentId, ct)).ConfigureAwait(false))
            {
                return Refusal.NotFound;
            }

            // A regional manager adds and removes only entries within its regions (ADR 26).
            if (territory is not null && PortalData.ScopeOf(manager) is { ByRegion: true } scope)
            {
                var current = agent.Territory.Select(t => t.Region).ToList();
                var changed = territory.Except(current).Concat(current.Except(territory));
                if (!Territory.IsWithin(changed, scope.Regions.Select(RegionCode.Parse)))
                {
                    return Refusal.Invalid([new Reason(UseCaseCode.OutsideYourRegions, AgentFields.Territory)]);
                }
            }

            var parent = agent.ParentId is null
                ? null
                : await db.Agents.AsNoTracking().Include(a => a.Territory).SingleAsync(a => a.Id == agent.ParentId, ct).ConfigureAwait(false);
            var children = await db.Agents.AsNoTracking().Include(a => a.Territory)
                .Where(a => a.ParentId == agentId && !EndedForGood.Contains(a.Status))
                .ToListAsync(ct).ConfigureAwait(false);

            var decision = HierarchyRules.DecideChange(
                AgentSnapshot.From(agent),
                parent is null ? null : AgentSnapshot.From(parent),
                [.. children.Select(AgentSnapshot.From)],
                new AgentChange(tier, territory));
            if (decision.IsRefused)
            {
                return Refusal.Because(decision);
            }

            var before = Grade(agent);
            if (tier is { } newTier)
            {
                agent.ChangeTier(newTier);
            }

            if (territory is not null)
            {
                agent.AssignTerritory(territory);
            }

            await audit.AppendAsync(db, AuditRecord.Of(manager.Email, AuditAction.AgentRegraded, AuditEntity.Agent, agent.Id, before, new { grade = Grade(agent), reason }), ct).ConfigureAwait(false);
            return Updated(agent);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Active → Suspended until <see cref="SuspensionInput.Until"/> (default: <c>Penalty:SuspensionDays</c> from now), with a written reason.</summary>
    public async Task<UseCaseResult<AgentUpdated>> SuspendAsync(CurrentUser manager, int agentId, SuspensionInput? input, CancellationToken cancellationToken = default)
    {
        AccessDeniedException.UnlessMay(manager, PortalPolicies.ManageChannel);
        var today = clock.Today;
        var check = new InputCheck();

        // Suspended to the end of a business day: the one asked for (from tomorrow on), or SuspensionDays from today.
        var lastDay = input?.Until is null
            ? today.AddDays(policy.Penalty.SuspensionDays)
            : check.Date(AgentFields.SuspendedUntil, input.Until, today.AddDays(1), today.AddYears(InputLimits.MaxYearsAhead));
        var note = check.Text(AgentFields.Note, input?.Note, AgentFields.NoteMaxLength, multiline: true);
        if (!check.IsValid)
        {
            return Refusal.Invalid(check.Errors);
        }

        var until = clock.EndOfDay(lastDay!.Value);
        return await ContractAsync(manager, agentId, AgentAction.Suspend, AuditAction.AgentSuspended, note, (agent, at) => agent.Suspend(until, at), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Suspended → Active once the suspension has ended (guard <see cref="AgentGuardKeys.SuspensionEnded"/>).</summary>
    public Task<UseCaseResult<AgentUpdated>> ReinstateAsync(CurrentUser manager, int agentId, CancellationToken cancellationToken = default)
    {
        AccessDeniedException.UnlessMay(manager, PortalPolicies.ManageChannel);
        return ContractAsync(manager, agentId, AgentAction.Reinstate, AuditAction.AgentReinstated, null, (agent, at) => agent.Reinstate(at), cancellationToken);
    }

    /// <summary>Expired → Active with a new contract period (from today when no start is given).</summary>
    public async Task<UseCaseResult<AgentUpdated>> RenewAsync(CurrentUser manager, int agentId, ContractTermsInput? terms, CancellationToken cancellationToken = default)
    {
        AccessDeniedException.UnlessMay(manager, PortalPolicies.ManageChannel);
        var check = new InputCheck();
        // A renewal without a start takes effect today: the contract it renews has ended.
        var period = (terms ?? new ContractTermsInput(null, null)) is { ContractStart: null } unstarted
            ? (unstarted with { ContractStart = clock.Today }).Validate(check, clock.Today)
            : terms!.Validate(check, clock.Today);
        return period is null
            ? Refusal.Invalid(check.Errors)
            : await ContractAsync(manager, agentId, AgentAction.Renew, AuditAction.AgentContractRenewed, null, (agent, _) => agent.Renew(period.Value.Start, period.Value.End), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Active → Terminated: the agent leaves the program (terminal), with the reason (<paramref name="note"/>, required).</summary>
    public async Task<UseCaseResult<AgentUpdated>> TerminateAsync(CurrentUser manager, int agentId, string? note, CancellationToken cancellationToken = default)
    {
        AccessDeniedException.UnlessMay(manager, PortalPolicies.ManageChannel);
        var check = new InputCheck();
        var text = check.Text(AgentFields.Note, note, AgentFields.NoteMaxLength, multiline: true);
        return text is null
            ? Refusal.Invalid(check.Errors)
            : await ContractAsync(manager, agentId, AgentAction.Terminate, AuditAction.AgentTerminated, text, (agent, _) => agent.Terminate(), cancellationToken).ConfigureAwait(false);
    }

    private static object Grade(Agent agent) => new
    {
        tier = agent.Tier,
        territory = agent.Territory.Select(t => t.RegionCode).Order(StringComparer.Ordinal).ToList(),
    };

    private static object Contract(Agent agent) => new
    {
        status = agent.Status,
        contractStart = agent.ContractStart,
        contractEnd = agent.ContractEnd,
        suspendedUntil = agent.SuspendedUntil,
    };

    private static UseCaseResult<AgentUpdated> Updated(Agent agent) => UseCaseResult.Ok(new AgentUpdated(agent.Id, agent.Code, agent.Tier, agent.Status));

    // The machine is asked first (ADR 9): a refused action reports why — not possible in this state, or which guard is unmet.
    private Task<UseCaseResult<AgentUpdated>> ContractAsync(
        CurrentUser manager, int agentId, AgentAction action, AuditAction auditAction, string? note, Action<Agent, DateTime> apply, CancellationToken cancellationToken) =>
        writes.RunAsync<AgentUpdated>(auditAction.ToString(), async (db, ct) =>
        {
            var agent = await db.Agents.SingleOrDefaultAsync(a => a.Id == agentId, ct).ConfigureAwait(false);
            if (agent is null || !await db.SeesAsync(PortalData.ScopeOf(manager), v => v.Agents.AnyAsync(a => a.Id == agentId, ct)).ConfigureAwait(false))
            {
                return Refusal.NotFound;
            }

            var now = clock.Now;
            if (Refusal.Unless(agent.Availability(action, now, clock.DateOf(now))) is { } refusal)
            {
                return refusal;
            }

            var before = Contract(agent);
            apply(agent, now);
            await audit.AppendAsync(db, AuditRecord.Of(manager.Email, auditAction, AuditEntity.Agent, agent.Id, before, new { contract = Contract(agent), note }), ct).ConfigureAwait(false);
            return Updated(agent);
        }, cancellationToken);
}
