using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Agents.Disqualification;
using Portal.Domain.Compliance;
using Portal.Features.Notifications;

namespace Portal.Features.Compliance;

/// <summary>
/// Who learns of a case (DESIGN.md §10, ADR 34), inside the step's transaction: the agent a case stands against and
/// its parent when the case is confirmed (the moment it is opened against the agent — a report or a case under
/// investigation is Compliance's business and invisible to resellers) and when it is penalized; the agent when its
/// appeal is decided; every agent a disqualification cascade moved customers or agents of or to.
/// </summary>
public sealed class CaseNotices(NotificationOutbox outbox, BusinessClock clock)
{
    /// <summary>The case now stands against its agent: to the agent's users and its parent's.</summary>
    public async Task OpenedAsync(PortalDbContext db, ViolationCase violation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(violation);
        if (await SubjectAsync(db, violation, ct).ConfigureAwait(false) is { } subject)
        {
            await ToAgentAndParentAsync(db, subject, Notices.CaseOpened(violation.Id, subject.Code, violation.Type), ct).ConfigureAwait(false);
        }
    }

    public async Task PenalizedAsync(PortalDbContext db, ViolationCase violation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(violation);
        if (await SubjectAsync(db, violation, ct).ConfigureAwait(false) is { } subject && violation is { Penalty: { } penalty, AppealDeadline: { } deadline })
        {
            await ToAgentAndParentAsync(db, subject, Notices.PenaltyImposed(violation.Id, subject.Code, penalty, clock.LastDay(deadline)), ct).ConfigureAwait(false);
        }
    }

    public async Task AppealDecidedAsync(PortalDbContext db, ViolationCase violation, bool upheld, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(violation);
        if (violation.SubjectAgentId is { } agentId)
        {
            await outbox.ToAgentAsync(db, agentId, Notices.AppealDecided(violation.Id, upheld), ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// One notice per agent the cascade touched: the disqualified agent (its customers and sub-agents left it), the
    /// parent that inherited customers or took sub-agents, and each sub-agent that moved.
    /// </summary>
    public async Task CascadeAsync(PortalDbContext db, int caseId, DisqualificationPlan plan, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var told = new List<(int AgentId, Notice Notice)>();
        if (plan.Protections.Count > 0 || plan.SubAgents.Count > 0)
        {
            told.Add((plan.AgentId, Notices.CascadeApplied(caseId, plan.AgentCode, plan.Protections.Count, plan.SubAgents.Count)));
        }

        var receivers = plan.Protections.Select(p => p.InheritedBy).Concat(plan.SubAgents.Select(m => m.NewParentId)).OfType<int>().Distinct();
        told.AddRange(receivers.Select(parentId => (parentId, Notices.CascadeApplied(
            caseId, plan.AgentCode, plan.Protections.Count(p => p.InheritedBy == parentId), plan.SubAgents.Count(m => m.NewParentId == parentId)))));
        told.AddRange(plan.SubAgents.Select(m => (m.AgentId, Notices.CascadeApplied(caseId, plan.AgentCode, 0, 1))));
        await outbox.ToAgentsAsync(db, told, ct).ConfigureAwait(false);
    }

    private async Task ToAgentAndParentAsync(PortalDbContext db, Subject subject, Notice notice, CancellationToken ct)
    {
        var agents = new List<(int, Notice)> { (subject.Id, notice) };
        if (subject.ParentId is { } parentId)
        {
            agents.Add((parentId, notice));
        }

        await outbox.ToAgentsAsync(db, agents, ct).ConfigureAwait(false);
    }

    private static Task<Subject?> SubjectAsync(PortalDbContext db, ViolationCase violation, CancellationToken ct) =>
        violation.SubjectAgentId is { } agentId
            ? db.Agents.Where(a => a.Id == agentId).Select(a => new Subject(a.Id, a.Code, a.ParentId)).SingleOrDefaultAsync(ct)
            : Task.FromResult<Subject?>(null);

    private sealed record Subject(int Id, string Code, int? ParentId);
}
