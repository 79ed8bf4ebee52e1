using Portal.Domain.Authorizations;
using Portal.Domain.Common;
using Portal.Domain.Customers;
using Portal.Domain.Deals;

namespace Portal.Domain.Agents.Disqualification;

/// <summary>
/// Disqualification cascade (取消代理商资格, DESIGN.md §4): the contract becomes Revoked; the agent's open deals are
/// cancelled; its protected customers pass to its parent if the parent is Active, else are released; its sub-agents are
/// re-parented to its parent (or become vendor-signed); the affected parties are notified.
/// </summary>
public static class DisqualificationCascade
{
    /// <summary>Plans the cascade for <paramref name="agentId"/> at <paramref name="at"/> (UTC).</summary>
    /// <remarks>
    /// Whether the agent may be revoked at all (Active or Suspended) is the contract state machine's guard.
    /// Decisions where the policy is silent: a parent whose contract has ended for good (Revoked, Terminated) takes no
    /// sub-agents — they become vendor-signed; a protection that had already lapsed ends as Expired rather than being
    /// passed on; an inherited protection keeps the original's end; the agent's Approved cross-region authorizations
    /// are revoked with it.
    /// </remarks>
    public static DisqualificationPlan Plan(int agentId, DisqualificationSnapshot snapshot, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        Guard.Utc(at, nameof(at));

        var agent = snapshot.Agents.FirstOrDefault(a => a.Id == agentId)
            ?? throw new ArgumentException($"Agent {agentId} is not in the snapshot.", nameof(agentId));
        var parent = agent.ParentId is { } parentId
            ? snapshot.Agents.FirstOrDefault(a => a.Id == parentId) ?? throw new ArgumentException($"The parent of agent {agentId} is not in the snapshot.", nameof(snapshot))
            : null;
        var children = snapshot.Agents.Where(a => a.ParentId == agentId && a.Id != agentId).OrderBy(a => a.Code, StringComparer.Ordinal).ToList();

        // Open deals are cancelled: a disqualified agent holds no claim on any customer.
        var deals = snapshot.Deals.Where(d => d.AgentId == agentId && d.Status.IsOpen()).Select(d => d.Id).Order().ToList();

        // Customer protection: the customers pass to an Active parent, else they are free.
        var heir = parent is { IsActive: true } ? parent : null;
        var protections = snapshot.Protections
            .Where(p => p.AgentId == agentId && p.IsOpen)
            .OrderBy(p => p.CustomerId)
            .Select(p => p.IsInForceAt(at)
                ? heir is not null
                    ? new ProtectionHandover(p.Id, p.CustomerId, ProtectionEnd.Transferred, heir.Id, p.Until)
                    : new ProtectionHandover(p.Id, p.CustomerId, ProtectionEnd.Released, null, null)
                : new ProtectionHandover(p.Id, p.CustomerId, p.Until <= at ? ProtectionEnd.Expired : ProtectionEnd.Released, null, null))
            .ToList();

        // The hierarchy closes over the gap: sub-agents move up to the parent (their tier is below it and their
        // territory inside it, as they were for the disqualified agent), or are vendor-signed when there is none.
        var newParent = parent is not null && parent.Status is not (ContractStatus.Revoked or ContractStatus.Terminated) ? parent : null;
        var subAgents = children.Select(c => new Reparenting(c.Id, c.Code, newParent?.Id)).ToList();

        // Regional protection: an authorization to operate elsewhere ends with the right to operate at all.
        var authorizations = snapshot.Authorizations
            .Where(a => a.AgentId == agentId && a.Status == AuthorizationStatus.Approved)
            .Select(a => a.Id)
            .Order()
            .ToList();

        var notices = new List<CascadeNotice> { new(agent.Id, agent.Code, CascadeNoticeKind.Disqualified) };
        if (parent is not null)
        {
            notices.Add(new CascadeNotice(parent.Id, parent.Code, CascadeNoticeKind.SubAgentDisqualified));
        }

        notices.AddRange(children.Select(c => new CascadeNotice(c.Id, c.Code, CascadeNoticeKind.ParentDisqualified)));

        return new DisqualificationPlan(agent.Id, agent.Code, at, ContractStatus.Revoked, deals, protections, subAgents, authorizations, notices);
    }
}
