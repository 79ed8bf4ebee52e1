using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Agents;
using Portal.Domain.Agents.Disqualification;
using Portal.Domain.Audit;
using Portal.Domain.Authorizations;
using Portal.Domain.Common;
using Portal.Domain.Customers;
using Portal.Domain.Deals;
using Portal.Features.Audit;
using Portal.Features.Customers;

namespace Portal.Features.Compliance;

/// <summary>
/// Carries out the disqualification cascade (DESIGN.md §4) that <see cref="DisqualificationCascade.Plan"/> decides,
/// inside the penalty's transaction: the contract Revoked, open deals cancelled, protections handed to an Active
/// parent or released, sub-agents moved up with their subtrees' closure rows, approved cross-region authorizations
/// revoked. Protections change through the <see cref="ProtectionLedger"/>. Each affected record gets its own audit entry (the case's entry lists the whole plan and the notices), so
/// the trail of a deal, a protection or an agent shows why it changed without reading the case.
/// </summary>
internal sealed class DisqualificationRun(PortalDbContext db, ProtectionLedger protections, AuditTrail audit, string actor, int caseId, DateTime now)
{
    private static readonly DealStatus[] OpenStatuses = [DealStatus.Submitted, DealStatus.PendingReview, DealStatus.Approved, DealStatus.ExtensionRequested];

    private Agent? _parent;
    private List<Agent> _children = [];
    private List<DealRegistration> _deals = [];
    private List<CustomerProtection> _protections = [];
    private List<CrossRegionAuthorization> _authorizations = [];

    /// <summary>Reads what the cascade works on (tracked, to be changed) and asks the rule for the plan.</summary>
    public async Task<DisqualificationPlan> PlanAsync(Agent agent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(agent);
        _parent = agent.ParentId is { } parentId
            ? await db.Agents.Include(a => a.Territory).SingleAsync(a => a.Id == parentId, ct).ConfigureAwait(false)
            : null;
        _children = await db.Agents.Include(a => a.Territory).Where(a => a.ParentId == agent.Id).ToListAsync(ct).ConfigureAwait(false);
        _deals = await db.Deals.Where(d => d.AgentId == agent.Id && OpenStatuses.Contains(d.Status)).ToListAsync(ct).ConfigureAwait(false);
        _protections = await db.CustomerProtections.AsNoTracking().Where(p => p.AgentId == agent.Id && p.EndedAt == null).ToListAsync(ct).ConfigureAwait(false);
        _authorizations = await db.CrossRegionAuthorizations.Where(a => a.AgentId == agent.Id && a.Status == AuthorizationStatus.Approved).ToListAsync(ct).ConfigureAwait(false);

        var agents = new List<AgentSnapshot> { AgentSnapshot.From(agent) };
        if (_parent is not null)
        {
            agents.Add(AgentSnapshot.From(_parent));
        }

        agents.AddRange(_children.Select(AgentSnapshot.From));
        var snapshot = new DisqualificationSnapshot(
            agents,
            [.. _deals.Select(d => new DealRef(d.Id, d.AgentId, d.CustomerId, d.Status))],
            [.. _protections.Select(ProtectionSnapshot.From)],
            [.. _authorizations.Select(AuthorizationSnapshot.From)]);
        return DisqualificationCascade.Plan(agent.Id, snapshot, now);
    }

    /// <summary>Executes <paramref name="plan"/> (from <see cref="PlanAsync"/> on the same agent) and audits every step.</summary>
    public async Task ExecuteAsync(Agent agent, DisqualificationPlan plan, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(plan);

        var before = new { agent.Status, agent.SuspendedUntil };
        agent.Revoke();
        await AuditAsync(AuditAction.AgentRevoked, AuditEntity.Agent, agent.Id, before, new { agent.Status, CaseId = caseId }, ct).ConfigureAwait(false);

        var note = $"代理商资格已取消（违规案件 {caseId}）/ Agent disqualified (violation case {caseId})";
        foreach (var deal in plan.DealsToCancel.Select(id => _deals.Single(d => d.Id == id)))
        {
            await CancelAsync(deal, note, ct).ConfigureAwait(false);
        }

        await protections.HandOverAsync(db, plan.Protections, now, actor, caseId, ct).ConfigureAwait(false);

        foreach (var move in plan.SubAgents)
        {
            await MoveUpAsync(agent, move, ct).ConfigureAwait(false);
        }

        foreach (var authorization in plan.AuthorizationsToRevoke.Select(id => _authorizations.Single(a => a.Id == id)))
        {
            var status = authorization.Status;
            authorization.Revoke();
            await AuditAsync(AuditAction.AuthorizationRevoked, AuditEntity.CrossRegionAuthorization, authorization.Id, new { Status = status }, new { authorization.Status, CaseId = caseId }, ct).ConfigureAwait(false);
        }
    }

    // Open deals are cancelled: a registration already approved is Cancelled (one awaiting an extension has the
    // extension refused first), one not yet decided is Rejected because its agent is no longer active.
    private async Task CancelAsync(DealRegistration deal, string note, CancellationToken ct)
    {
        var status = deal.Status;
        AuditAction action;
        switch (deal.Status)
        {
            case DealStatus.Approved:
                deal.Cancel();
                action = AuditAction.DealCancelled;
                break;
            case DealStatus.ExtensionRequested:
                deal.RefuseExtension(note);
                deal.Cancel();
                action = AuditAction.DealCancelled;
                break;
            default:
                deal.Reject([new DealReason(ReasonCode.AgentNotActive, null)], now, note);
                action = AuditAction.DealRejected;
                break;
        }

        await AuditAsync(action, AuditEntity.Deal, deal.Id, new { Status = status }, new { deal.Status, CaseId = caseId }, ct, [ReasonCode.AgentNotActive]).ConfigureAwait(false);
    }

    // The hierarchy closes over the gap: the sub-agent and its whole subtree move under the disqualified agent's
    // parent, or become vendor-signed.
    private async Task MoveUpAsync(Agent agent, Reparenting move, CancellationToken ct)
    {
        var child = _children.Single(c => c.Id == move.AgentId);
        var newParent = move.NewParentId is null ? null : _parent;
        if (newParent?.Id != move.NewParentId)
        {
            throw new InvalidOperationException($"The cascade moves {move.AgentCode} under an agent that is not the disqualified agent's parent.");
        }

        child.MoveUnder(newParent);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        await HierarchyClosure.MoveSubtreeAsync(db, child.Id, newParent?.Id, ct).ConfigureAwait(false);
        await AuditAsync(AuditAction.AgentReparented, AuditEntity.Agent, child.Id, new { ParentCode = agent.Code }, new { ParentCode = newParent?.Code, VendorSigned = newParent is null, CaseId = caseId }, ct).ConfigureAwait(false);
    }

    private Task<AuditEntry> AuditAsync(AuditAction action, AuditEntity entity, int entityId, object before, object after, CancellationToken ct, IReadOnlyList<string>? reasonCodes = null) =>
        audit.AppendAsync(db, AuditRecord.Of(actor, action, entity, entityId, before, after, reasonCodes), ct);
}
