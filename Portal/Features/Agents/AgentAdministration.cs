using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;
using Portal.Data.Identity;
using Portal.Domain.Agents;
using Portal.Domain.Agents.Hierarchy;
using Portal.Domain.Common;
using Portal.Domain.Policy;
using Portal.Features.Audit;

namespace Portal.Features.Agents;

/// <summary>
/// The ChannelManager's administration of an agent: its grade (tier and territory, judged by
/// <see cref="HierarchyRules"/>) and its contract (suspend, reinstate, renew, terminate — through the contract machine,
/// DESIGN.md §5.1).
/// </summary>
public sealed class AgentAdministration(ChannelWrites writes, ReferenceData reference, AuditTrail audit, ChannelPolicy policy, TimeProvider clock)
{
    internal const string EntityType = "Agent";

    // Sub-agents whose contract ended for good no longer hold their parent to the hierarchy's shape; applications do.
    private static readonly ContractStatus[] EndedForGood = [ContractStatus.Rejected, ContractStatus.Revoked, ContractStatus.Terminated];

    /// <summary>Regrades an agent: a new tier and/or territory, judged against its parent and its sub-agents.</summary>
    public async Task<UseCaseResult<AgentUpdated>> ChangeAsync(CurrentUser manager, int agentId, AgentChangeInput input, CancellationToken cancellationToken = default)
    {
        AuthorizeManager(manager);
        ArgumentNullException.ThrowIfNull(input);

        var errors = new InputErrors();
        if (input.Tier is null && input.Territory is null)
        {
            errors.Add(AgentFields.Tier, ReasonCode.Required);
            errors.Add(AgentFields.Territory, ReasonCode.Required);
        }

        var tier = input.Tier is null ? null : errors.Defined(AgentFields.Tier, input.Tier);
        var territory = input.Territory is null ? null : errors.Territory(AgentFields.Territory, input.Territory, await reference.RegionsAsync().ConfigureAwait(false));
        if (errors.Any)
        {
            return errors.ToRefusal();
        }

        return await writes.RunAsync<UseCaseResult<AgentUpdated>>("ChangeAgentGrade", async (db, ct) =>
        {
            var agent = await db.Agents.Include(a => a.Territory).SingleOrDefaultAsync(a => a.Id == agentId, ct).ConfigureAwait(false);
            if (agent is null)
            {
                return Refusal.NotFound;
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

            await AuditAsync(db, manager.Email, "AgentRegraded", agent, before, Grade(agent), ct).ConfigureAwait(false);
            return Updated(agent);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Active → Suspended until <see cref="SuspensionInput.Until"/> (default: <c>Penalty:SuspensionDays</c> from now), with a written reason.</summary>
    public Task<UseCaseResult<AgentUpdated>> SuspendAsync(CurrentUser manager, int agentId, SuspensionInput input, CancellationToken cancellationToken = default)
    {
        AuthorizeManager(manager);
        ArgumentNullException.ThrowIfNull(input);
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new InputErrors();
        var until = input.Until is { } requested ? AsUtc(requested) : now.AddDays(policy.Penalty.SuspensionDays);
        if (until <= now)
        {
            errors.Add(AgentFields.SuspendedUntil, ReasonCode.InvalidDate);
        }

        var note = errors.Required(AgentFields.Note, input.Note, AgentFields.NoteMaxLength);
        return errors.Any
            ? Task.FromResult<UseCaseResult<AgentUpdated>>(errors.ToRefusal())
            : ContractAsync(manager, agentId, AgentAction.Suspend, "AgentSuspended", note, (agent, at) => agent.Suspend(until, at), cancellationToken);
    }

    /// <summary>Suspended → Active once the suspension has ended (guard <see cref="AgentGuardKeys.SuspensionEnded"/>).</summary>
    public Task<UseCaseResult<AgentUpdated>> ReinstateAsync(CurrentUser manager, int agentId, CancellationToken cancellationToken = default)
    {
        AuthorizeManager(manager);
        return ContractAsync(manager, agentId, AgentAction.Reinstate, "AgentReinstated", null, (agent, at) => agent.Reinstate(at), cancellationToken);
    }

    /// <summary>Expired → Active with a new contract period.</summary>
    public Task<UseCaseResult<AgentUpdated>> RenewAsync(CurrentUser manager, int agentId, ContractTermsInput terms, CancellationToken cancellationToken = default)
    {
        AuthorizeManager(manager);
        ArgumentNullException.ThrowIfNull(terms);
        var errors = new InputErrors();
        var period = terms.Validate(errors, BusinessDay.Of(clock.GetUtcNow().UtcDateTime));
        return period is null
            ? Task.FromResult<UseCaseResult<AgentUpdated>>(errors.ToRefusal())
            : ContractAsync(manager, agentId, AgentAction.Renew, "AgentContractRenewed", null, (agent, _) => agent.Renew(period.Value.Start, period.Value.End), cancellationToken);
    }

    /// <summary>Active → Terminated: the agent leaves the program (terminal), with the reason (<paramref name="note"/>, required).</summary>
    public Task<UseCaseResult<AgentUpdated>> TerminateAsync(CurrentUser manager, int agentId, string? note, CancellationToken cancellationToken = default)
    {
        AuthorizeManager(manager);
        var errors = new InputErrors();
        var text = errors.Required(AgentFields.Note, note, AgentFields.NoteMaxLength);
        return text is null
            ? Task.FromResult<UseCaseResult<AgentUpdated>>(errors.ToRefusal())
            : ContractAsync(manager, agentId, AgentAction.Terminate, "AgentTerminated", text, (agent, _) => agent.Terminate(), cancellationToken);
    }

    private static void AuthorizeManager(CurrentUser manager)
    {
        ArgumentNullException.ThrowIfNull(manager);
        AccessDeniedException.Unless(manager.IsInRole(PortalRoles.ChannelManager));
    }

    // A time from a form or a client without a zone is read as UTC, as every time in the portal is.
    private static DateTime AsUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };

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

    private async Task AuditAsync(PortalDbContext db, string actor, string action, Agent agent, object before, object after, CancellationToken ct) =>
        await audit.AppendAsync(db, new AuditRecord(
            actor, action, EntityType, agent.Id.ToString(CultureInfo.InvariantCulture), AuditJson.Of(before), AuditJson.Of(after)), ct).ConfigureAwait(false);

    // The machine is asked first (ADR 9): a refused action reports why — not possible in this state, or which guard is unmet.
    private Task<UseCaseResult<AgentUpdated>> ContractAsync(
        CurrentUser manager, int agentId, AgentAction action, string auditAction, string? note, Action<Agent, DateTime> apply, CancellationToken cancellationToken) =>
        writes.RunAsync<UseCaseResult<AgentUpdated>>(auditAction, async (db, ct) =>
        {
            var agent = await db.Agents.SingleOrDefaultAsync(a => a.Id == agentId, ct).ConfigureAwait(false);
            if (agent is null)
            {
                return Refusal.NotFound;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var availability = agent.Availability(action, now, BusinessDay.Of(now));
            if (!availability.IsAllowed)
            {
                return Refusal.Transition(availability);
            }

            var before = Contract(agent);
            try
            {
                apply(agent, now);
            }
            catch (DomainException ex)
            {
                return Refusal.From(ex);
            }

            await AuditAsync(db, manager.Email, auditAction, agent, before, new { contract = Contract(agent), note }, ct).ConfigureAwait(false);
            return Updated(agent);
        }, cancellationToken);
}
