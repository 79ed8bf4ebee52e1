using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;
using Portal.Domain.Agents;
using Portal.Domain.Agents.Disqualification;
using Portal.Domain.Audit;
using Portal.Domain.Common;
using Portal.Domain.Compliance;
using Portal.Domain.Compliance.Penalties;
using Portal.Domain.Policy;
using Portal.Features.Audit;
using Portal.Features.Customers;

namespace Portal.Features.Compliance;

/// <summary>
/// Penalties along the ladder and appeals (DESIGN.md §4, §5.4): the ladder decides the minimum
/// (<see cref="PenaltyLadder"/>), the agent's contract and the disqualification cascade carry the penalty out, and an
/// appeal upholds or lifts it. Each method is one use case in one transaction, audited; refusals are results.
/// </summary>
public sealed class PenaltyService(
    ChannelWrites writes, PortalData data, CaseTransition transition, ProtectionLedger protections, AuditTrail audit, ChannelPolicy policy, BusinessClock clock, CaseNotices notices)
{
    private PenaltyOptions Options => policy.Penalty;

    /// <summary>
    /// What the penalty form shows before Compliance decides — nothing changes: the ladder's minimum for the case and the
    /// confirmed cases it counted, and, when <paramref name="penalty"/> (the minimum when null) is a disqualification, the
    /// cascade it would run. Refused unless the case is Confirmed.
    /// </summary>
    public async Task<UseCaseResult<PenaltyPreview>> PreviewAsync(CurrentUser user, int caseId, PenaltyKind? penalty = null, CancellationToken cancellationToken = default)
    {
        AccessDeniedException.UnlessMay(user, PortalPolicies.WorkCases);
        await using var db = await data.ForRulesAsync(cancellationToken).ConfigureAwait(false);
        var violation = await db.ViolationCases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken).ConfigureAwait(false);
        if (violation is null)
        {
            return Refusal.NotFound;
        }

        var now = clock.Now;
        if (Refusal.Unless(violation.Availability(CaseAction.Penalize, now)) is { } refusal)
        {
            return refusal;
        }

        if (violation.SubjectAgentId is not { } agentId)
        {
            return Refusal.Because(TransitionCode.GuardNotMet, null, CaseGuardKeys.SubjectAgentIdentified);
        }

        var history = await HistoryAsync(db, agentId, cancellationToken).ConfigureAwait(false);
        var decision = PenaltyLadder.Decide(PenaltyCaseOf(violation), history, PenaltyChoice.Minimum, Options, now, clock.Calendar);
        var counted = await db.ViolationCases.AsNoTracking()
            .Where(c => decision.CountedCaseIds.Contains(c.Id))
            .OrderBy(c => c.ConfirmedAt).ThenBy(c => c.Id)
            .Select(c => new CountedCase(c.Id, c.Type, c.ConfirmedAt!.Value))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var agent = await db.Agents.Include(a => a.Territory).SingleAsync(a => a.Id == agentId, cancellationToken).ConfigureAwait(false);
        var cascade = (penalty ?? decision.Minimum) == PenaltyKind.Disqualification
            ? await CascadeAsync(db, agent, violation.Id, now, cancellationToken).ConfigureAwait(false)
            : null;
        return UseCaseResult.Ok(new PenaltyPreview(violation.Id, decision.Minimum, decision.Ordinal, violation.Severe, agent.Code, agent.Status.ToString(), counted, cascade));
    }

    /// <summary>
    /// Confirmed → Penalized. The ladder's minimum over the agent's confirmed history applies unless Compliance chooses
    /// a harsher penalty with a written reason; a milder one is refused (PENALTY_BELOW_LADDER, detail: the minimum). A
    /// Fine needs its amount. A Suspension suspends the agent for <c>Penalty:SuspensionDays</c>; a Disqualification
    /// revokes it and runs the cascade, all in this transaction. The appeal window is <c>Penalty:AppealDays</c>.
    /// </summary>
    public async Task<UseCaseResult<PenaltyOutcome>> PenalizeAsync(CurrentUser user, int caseId, PenaltyInput? input, CancellationToken cancellationToken = default)
    {
        AccessDeniedException.UnlessMay(user, PortalPolicies.WorkCases);
        var check = new InputCheck();
        var chosen = check.OptionalChoice<PenaltyKind>(CaseFields.Penalty, input?.Kind);
        var writtenReason = check.OptionalText(CaseFields.Reason, input?.Reason, ViolationCase.DescriptionMaxLength, multiline: true);
        var fine = check.OptionalAmount(CaseFields.FineAmount, input?.FineAmount, InputLimits.MaxFine);
        if (!check.IsValid)
        {
            return Refusal.Invalid(check.Errors);
        }

        return await writes.RunAsync<PenaltyOutcome>(
            "PenalizeViolation",
            async (db, ct) =>
            {
                // Judged at the instant the write lock is held (see ChannelWrites).
                var now = clock.Now;
                var violation = await db.ViolationCases.SingleOrDefaultAsync(c => c.Id == caseId, ct).ConfigureAwait(false);
                if (violation is null)
                {
                    return Refusal.NotFound;
                }

                if (Refusal.Unless(violation.Availability(CaseAction.Penalize, now)) is { } refusal)
                {
                    return refusal;
                }

                if (violation.SubjectAgentId is not { } agentId)
                {
                    return Refusal.Because(TransitionCode.GuardNotMet, null, CaseGuardKeys.SubjectAgentIdentified);
                }

                var agent = await db.Agents.Include(a => a.Territory).SingleAsync(a => a.Id == agentId, ct).ConfigureAwait(false);
                var history = await HistoryAsync(db, agentId, ct).ConfigureAwait(false);
                var decision = PenaltyLadder.Decide(PenaltyCaseOf(violation), history, new PenaltyChoice(chosen, writtenReason), Options, now, clock.Calendar);
                if (decision is not { IsAllowed: true, Imposed: { } penalty })
                {
                    // A milder choice is told the minimum it has to reach.
                    return Refusal.Because(new Decision(decision.Decision.Reasons.Select(r =>
                        r.Code == ReasonCode.PenaltyBelowLadder ? r with { Detail = decision.Minimum.ToString() } : r)));
                }

                // Only a Fine has an amount, and it must have one.
                if (penalty == PenaltyKind.Fine && fine is null)
                {
                    return Refusal.Invalid(CaseFields.FineAmount, ReasonCode.Required);
                }

                if (penalty != PenaltyKind.Fine && fine is not null)
                {
                    return Refusal.Invalid(CaseFields.FineAmount, ReasonCode.InvalidValue);
                }

                // The agent's contract must be able to take the penalty (a suspended agent cannot be suspended again,
                // a revoked one cannot be revoked): refused before anything changes.
                var contractAction = penalty switch
                {
                    PenaltyKind.Suspension => AgentAction.Suspend,
                    PenaltyKind.Disqualification => AgentAction.Revoke,
                    _ => (AgentAction?)null,
                };
                if (contractAction is { } action && !agent.Availability(action, now, clock.Today).IsAllowed)
                {
                    return Refusal.Because(UseCaseCode.PenaltyNotApplicable, CaseFields.Penalty, agent.Status.ToString());
                }

                DisqualificationRun? cascade = null;
                DisqualificationPlan? plan = null;
                if (penalty == PenaltyKind.Disqualification)
                {
                    cascade = new DisqualificationRun(db, protections, audit, user.Email, violation.Id, now);
                    plan = await cascade.PlanAsync(agent, ct).ConfigureAwait(false);
                }

                var before = CaseSnapshot.Of(violation);
                violation.Penalize(penalty, fine, writtenReason ?? LadderReason(decision, violation.Severe), now, decision.AppealDeadline!.Value);
                var position = PositionOf(violation, decision);
                await audit.AppendAsync(db, AuditRecord.Of(user.Email, AuditAction.CasePenalized, AuditEntity.ViolationCase, violation.Id, before, PenalizedSnapshot(violation, position, decision, plan)), ct).ConfigureAwait(false);

                if (penalty == PenaltyKind.Suspension)
                {
                    var contractBefore = new { agent.Status };
                    agent.Suspend(decision.SuspendedUntil!.Value, now);
                    await audit.AppendAsync(db, AuditRecord.Of(user.Email, AuditAction.AgentSuspended, AuditEntity.Agent, agent.Id, contractBefore, new { agent.Status, agent.SuspendedUntil, CaseId = violation.Id }), ct).ConfigureAwait(false);
                }

                await notices.PenalizedAsync(db, violation, ct).ConfigureAwait(false);
                if (cascade is not null && plan is not null)
                {
                    await cascade.ExecuteAsync(agent, plan, ct).ConfigureAwait(false);
                    await notices.CascadeAsync(db, violation.Id, plan, ct).ConfigureAwait(false);
                }

                return UseCaseResult.Ok(new PenaltyOutcome(
                    violation.Id, violation.State, penalty, position, decision.IsHarsherThanLadder, violation.FineAmount,
                    decision.SuspendedUntil, violation.AppealDeadline!.Value, plan));
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Penalized → Appealed, before the appeal deadline (guard AppealWindowOpen), with the appellant's grounds (1–4000
    /// characters) on the timeline. The penalized agent's own staff appeal; Compliance records an appeal that arrived
    /// otherwise.
    /// </summary>
    public async Task<UseCaseResult<CaseChange>> AppealAsync(CurrentUser user, int caseId, string? grounds, CancellationToken cancellationToken = default)
    {
        AccessDeniedException.UnlessMay(user, PortalPolicies.Appeal);
        var check = new InputCheck();
        var text = check.Text(CaseFields.Grounds, grounds, CaseNote.TextMaxLength, multiline: true);
        if (!check.IsValid)
        {
            return Refusal.Invalid(check.Errors);
        }

        return await writes.RunAsync<CaseChange>(
            "AppealPenalty",
            async (db, ct) =>
            {
                // Judged at the instant the write lock is held (see ChannelWrites).
                var now = clock.Now;
                var violation = await db.ViolationCases.SingleOrDefaultAsync(c => c.Id == caseId, ct).ConfigureAwait(false);
                if (violation is null)
                {
                    return Refusal.NotFound;
                }

                if (await AgentStaffAccess.RefusalAsync(db, user, violation, ct).ConfigureAwait(false) is { } denied)
                {
                    return denied;
                }

                if (violation.AppealRefusal(now) is { } closed)
                {
                    return Refusal.Because(closed);
                }

                if (Refusal.Unless(violation.Availability(CaseAction.Appeal, now)) is { } refusal)
                {
                    return refusal;
                }

                var before = CaseSnapshot.Of(violation);
                violation.Appeal(now);
                violation.AddNote(new CaseNote(text!, now, user.Email));
                await audit.AppendAsync(db, AuditRecord.Of(user.Email, AuditAction.CaseAppealed, AuditEntity.ViolationCase, caseId, before, CaseSnapshot.Of(violation, text)), ct).ConfigureAwait(false);
                return UseCaseResult.Ok(CaseChange.Of(violation));
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Appealed → Closed, upheld or lifted as <paramref name="upheld"/> says (required), with the decision's reason: the
    /// API's one <c>decide-appeal</c> over <see cref="UpholdPenaltyAsync"/> and <see cref="LiftPenaltyAsync"/>.
    /// </summary>
    public Task<UseCaseResult<CaseChange>> DecideAppealAsync(CurrentUser user, int caseId, bool? upheld, string? reason, CancellationToken cancellationToken = default) =>
        upheld switch
        {
            true => UpholdPenaltyAsync(user, caseId, reason, cancellationToken),
            false => LiftPenaltyAsync(user, caseId, reason, cancellationToken),
            null => Task.FromResult<UseCaseResult<CaseChange>>(Refusal.Invalid(CaseFields.Upheld, ReasonCode.Required)),
        };

    /// <summary>Appealed → Closed: the appeal fails and the penalty stands. The decision's note (1–4000 characters) is required.</summary>
    public Task<UseCaseResult<CaseChange>> UpholdPenaltyAsync(CurrentUser user, int caseId, string? note, CancellationToken cancellationToken = default)
    {
        AccessDeniedException.UnlessMay(user, PortalPolicies.WorkCases);
        return transition.TakeAsync(user, caseId, CaseAction.UpholdPenalty, AuditAction.CasePenaltyUpheld, note, true, (c, now) => c.UpholdPenalty(now), (db, c, ct) => notices.AppealDecidedAsync(db, c, upheld: true, ct), cancellationToken);
    }

    /// <summary>
    /// Appealed → Closed with the penalty lifted, undoing what can be undone: a lifted suspension reinstates the agent
    /// at once (if it is still the suspension in force); a Warning or a Fine is only recorded as lifted. A
    /// disqualification cannot be lifted (DISQUALIFICATION_IRREVERSIBLE): the contract is Revoked, which is terminal,
    /// and the cascade has already given away the agent's customers and sub-agents. The decision's note is required.
    /// </summary>
    public async Task<UseCaseResult<CaseChange>> LiftPenaltyAsync(CurrentUser user, int caseId, string? note, CancellationToken cancellationToken = default)
    {
        AccessDeniedException.UnlessMay(user, PortalPolicies.WorkCases);
        var check = new InputCheck();
        var text = check.Text(CaseFields.Note, note, CaseNote.TextMaxLength, multiline: true);
        if (!check.IsValid)
        {
            return Refusal.Invalid(check.Errors);
        }

        return await writes.RunAsync<CaseChange>(
            "LiftPenalty",
            async (db, ct) =>
            {
                // Judged at the instant the write lock is held (see ChannelWrites).
                var now = clock.Now;
                var violation = await db.ViolationCases.SingleOrDefaultAsync(c => c.Id == caseId, ct).ConfigureAwait(false);
                if (violation is null)
                {
                    return Refusal.NotFound;
                }

                if (Refusal.Unless(violation.Availability(CaseAction.LiftPenalty, now)) is { } refusal)
                {
                    return refusal;
                }

                if (violation.Penalty == PenaltyKind.Disqualification)
                {
                    return Refusal.Because(UseCaseCode.DisqualificationIrreversible);
                }

                var before = CaseSnapshot.Of(violation);
                var lifted = violation.Penalty;
                violation.LiftPenalty(now);
                violation.AddNote(new CaseNote(text!, now, user.Email));
                await audit.AppendAsync(db, AuditRecord.Of(user.Email, AuditAction.CasePenaltyLifted, AuditEntity.ViolationCase, caseId, before, new { Case = CaseSnapshot.Of(violation, text), LiftedPenalty = lifted }), ct).ConfigureAwait(false);

                if (lifted == PenaltyKind.Suspension && violation.SubjectAgentId is { } agentId)
                {
                    await EndSuspensionAsync(db, user, violation, agentId, now, ct).ConfigureAwait(false);
                }

                await notices.AppealDecidedAsync(db, violation, upheld: false, ct).ConfigureAwait(false);

                return UseCaseResult.Ok(CaseChange.Of(violation));
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Penalized → Closed once the appeal deadline has passed without an appeal (guard AppealWindowClosed).</summary>
    public Task<UseCaseResult<CaseChange>> CloseAsync(CurrentUser user, int caseId, CancellationToken cancellationToken = default)
    {
        AccessDeniedException.UnlessMay(user, PortalPolicies.WorkCases);
        return transition.TakeAsync(user, caseId, CaseAction.Close, AuditAction.CaseClosed, null, false, (c, now) => c.Close(now), cancellationToken);
    }

    /// <summary>
    /// The agent's confirmed violations that count: confirmed, not dismissed, and not lifted on appeal. The ladder
    /// itself picks those in the window up to the case being penalized.
    /// </summary>
    private static async Task<List<ConfirmedViolation>> HistoryAsync(PortalDbContext db, int agentId, CancellationToken ct)
    {
        var rows = await db.ViolationCases.AsNoTracking()
            .Where(c => c.SubjectAgentId == agentId && c.ConfirmedAt != null && c.State != CaseState.Dismissed)
            .Where(c => !(c.State == CaseState.Closed && c.PenalizedAt != null && c.Penalty == null))
            .Select(c => new { c.Id, c.ConfirmedAt })
            .ToListAsync(ct).ConfigureAwait(false);
        return [.. rows.Select(r => new ConfirmedViolation(r.Id, r.ConfirmedAt!.Value))];
    }

    // The cascade the disqualification would run, planned exactly as the penalty plans it, on a context that is never saved.
    private async Task<CascadePreview> CascadeAsync(PortalDbContext db, Agent agent, int caseId, DateTime now, CancellationToken ct)
    {
        var plan = await new DisqualificationRun(db, protections, audit, string.Empty, caseId, now).PlanAsync(agent, ct).ConfigureAwait(false);
        var parentCode = agent.ParentId is { } parentId
            ? await db.Agents.AsNoTracking().Where(a => a.Id == parentId).Select(a => a.Code).SingleAsync(ct).ConfigureAwait(false)
            : null;
        var firstDeals = plan.DealsToCancel.Take(PenaltyPreview.FirstRows).ToList();
        var deals = await db.Deals.AsNoTracking()
            .Where(d => firstDeals.Contains(d.Id))
            .Join(db.Customers, d => d.CustomerId, c => c.Id, (d, c) => new { d.Id, c.LegalName, d.Status })
            .ToListAsync(ct).ConfigureAwait(false);
        var handed = plan.Protections.Take(PenaltyPreview.FirstRows).ToList();
        var customerIds = handed.Select(h => h.CustomerId).ToList();
        var customers = await db.Customers.AsNoTracking()
            .Where(c => customerIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Uscc, c.LegalName })
            .ToDictionaryAsync(c => c.Id, ct).ConfigureAwait(false);
        var movedIds = plan.SubAgents.Take(PenaltyPreview.FirstRows).Select(m => m.AgentId).ToList();
        var moved = await db.Agents.AsNoTracking()
            .Where(a => movedIds.Contains(a.Id))
            .Select(a => new { a.Id, a.Code, a.LegalName })
            .ToDictionaryAsync(a => a.Id, ct).ConfigureAwait(false);

        return new CascadePreview(
            plan.DealsToCancel.Count,
            plan.Protections.Count(p => p.InheritedBy is not null),
            plan.Protections.Count(p => p.InheritedBy is null),
            plan.SubAgents.Count,
            plan.AuthorizationsToRevoke.Count,
            [.. firstDeals.Select(id => deals.Single(d => d.Id == id)).Select(d => new CascadeDeal(d.Id, d.LegalName, d.Status.ToString()))],
            [.. handed.Select(h => new CascadeCustomer(customers[h.CustomerId].Uscc, customers[h.CustomerId].LegalName, h.InheritedBy is null ? null : parentCode))],
            [.. plan.SubAgents.Take(PenaltyPreview.FirstRows).Select(m => new CascadeAgent(m.AgentCode, moved[m.AgentId].LegalName, m.NewParentId is null ? null : parentCode))]);
    }

    private static PenaltyCase PenaltyCaseOf(ViolationCase violation) => new(violation.Id, violation.ConfirmedAt!.Value, violation.Severe);

    private static LadderPosition PositionOf(ViolationCase violation, PenaltyDecision decision) =>
        new(violation.Id, violation.Severe, decision.Minimum, decision.Ordinal, decision.CountedCaseIds);

    private static object PenalizedSnapshot(ViolationCase violation, LadderPosition position, PenaltyDecision decision, DisqualificationPlan? plan) =>
        new
        {
            Case = CaseSnapshot.Of(violation),
            Ladder = new { position.Minimum, position.Ordinal, position.CountedCaseIds, Harsher = decision.IsHarsherThanLadder },
            violation.PenaltyReason,
            Cascade = plan is null ? null : new
            {
                plan.DealsToCancel,
                Protections = plan.Protections.Select(p => new { p.ProtectionId, p.CustomerId, p.End, p.InheritedBy }),
                SubAgents = plan.SubAgents.Select(s => new { s.AgentCode, s.NewParentId }),
                plan.AuthorizationsToRevoke,
                Notices = plan.Notices.Select(n => new { n.AgentCode, n.Kind }),
            },
        };

    // The text recorded as the penalty's reason when Compliance takes the ladder's minimum without writing one.
    private string LadderReason(PenaltyDecision decision, bool severe) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"Penalty ladder: {decision.Minimum} for confirmed violation {decision.Ordinal} within {Options.WindowMonths} months (cases {string.Join(", ", decision.CountedCaseIds)}){(severe ? "; severe case" : string.Empty)}.");

    // A lifted suspension ends now — if the agent's suspension in force is the one this case imposed (the latest
    // Suspension still standing among the agent's cases); a suspension that already ended, or a later one, stays as it is.
    private async Task EndSuspensionAsync(PortalDbContext db, CurrentUser user, ViolationCase violation, int agentId, DateTime now, CancellationToken ct)
    {
        var agent = await db.Agents.SingleAsync(a => a.Id == agentId, ct).ConfigureAwait(false);
        var laterSuspension = await db.ViolationCases.AsNoTracking()
            .Where(c => c.SubjectAgentId == agentId && c.Id != violation.Id && c.Penalty == PenaltyKind.Suspension && c.PenalizedAt > violation.PenalizedAt)
            .AnyAsync(ct).ConfigureAwait(false);
        if (!agent.CanLiftSuspension || laterSuspension)
        {
            return;
        }

        var before = new { agent.Status, agent.SuspendedUntil };
        agent.LiftSuspension(now);
        await audit.AppendAsync(db, AuditRecord.Of(user.Email, AuditAction.AgentReinstated, AuditEntity.Agent, agent.Id, before, new { agent.Status, CaseId = violation.Id }), ct).ConfigureAwait(false);
    }
}
