using Portal.Domain.Common;
using Stateless;
using Stateless.Graph;

namespace Portal.Domain.Compliance;

/// <summary>
/// The case's life (DESIGN.md §5.4): Reported → UnderInvestigation → Confirmed | Dismissed; Confirmed → Penalized →
/// Appealed → Closed (penalty upheld or lifted); Penalized → Closed once the appeal window has passed.
/// <see cref="State"/>, the mapped column, is the machine's only state. Which penalty applies is the penalty ladder's
/// decision; the machine records it.
/// </summary>
public sealed partial class ViolationCase
{
    private const string MachineName = "Violation case";

    private static readonly StateMachine<CaseState, CaseTrigger>.TriggerWithParameters<DateTime> AppealAt = new(CaseTrigger.Appeal);
    private static readonly StateMachine<CaseState, CaseTrigger>.TriggerWithParameters<DateTime> CloseAt = new(CaseTrigger.Close);

    private StateMachine<CaseState, CaseTrigger>? _machine;

    private enum CaseTrigger
    {
        StartInvestigation,
        Confirm,
        Dismiss,
        Penalize,
        Appeal,
        UpholdPenalty,
        LiftPenalty,
        Close,
    }

    /// <summary>
    /// An appeal lifted the penalty: the case is closed, was penalized, and has no penalty in force. The penalty that
    /// was lifted is in the audit trail (the case row has no column for an appeal's outcome).
    /// </summary>
    public bool PenaltyLifted => State == CaseState.Closed && PenalizedAt is not null && Penalty is null;

    /// <summary>The subject agent may still be named: the case is not decided yet.</summary>
    public bool CanIdentifySubject => State is CaseState.Reported or CaseState.UnderInvestigation;

    public bool CanStartInvestigation => Availability(CaseAction.StartInvestigation, default).IsAllowed;

    public bool CanConfirm => Availability(CaseAction.Confirm, default).IsAllowed;

    public bool CanDismiss => Availability(CaseAction.Dismiss, default).IsAllowed;

    public bool CanPenalize => Availability(CaseAction.Penalize, default).IsAllowed;

    public bool CanUpholdPenalty => Availability(CaseAction.UpholdPenalty, default).IsAllowed;

    public bool CanLiftPenalty => Availability(CaseAction.LiftPenalty, default).IsAllowed;

    // Built on first use rather than in a constructor: cases EF materializes through the private constructor get one
    // too, and listing cases does not pay for machines nobody asks.
    private StateMachine<CaseState, CaseTrigger> Machine => _machine ??= ConfigureMachine();

    /// <summary>The case graph as Mermaid <c>stateDiagram-v2</c> text, guards included.</summary>
    public static string StateGraphMermaid() => MermaidGraph.Format(Blank().Machine.GetInfo());

    /// <summary>The case graph as Graphviz DOT text, guards included.</summary>
    public static string StateGraphDot() => UmlDotGraph.Format(Blank().Machine.GetInfo());

    public bool CanAppeal(DateTime now) => Availability(CaseAction.Appeal, now).IsAllowed;

    /// <summary>
    /// The rule's refusal of an appeal at <paramref name="now"/>: a penalized case whose appeal deadline has come
    /// (APPEAL_WINDOW_CLOSED); null when the window is open or the case is in another state (the machine says why).
    /// </summary>
    public string? AppealRefusal(DateTime now) => State == CaseState.Penalized && !CanAppeal(now) ? ReasonCode.AppealWindowClosed : null;

    /// <summary>Whether the agent's staff may add files to the case at <paramref name="now"/>: it is appealed, or may still be.</summary>
    public bool AcceptsAppealFiles(DateTime now) => State == CaseState.Appealed || CanAppeal(now);

    public bool CanClose(DateTime now) => Availability(CaseAction.Close, now).IsAllowed;

    /// <summary>Every action with whether it is allowed at <paramref name="now"/> and, if a guard holds it back, the guard keys (<see cref="CaseGuardKeys"/>).</summary>
    public IReadOnlyList<ActionAvailability<CaseAction>> Actions(DateTime now) =>
        [.. Enum.GetValues<CaseAction>().Select(action => Availability(action, now))];

    public ActionAvailability<CaseAction> Availability(CaseAction action, DateTime now) => action switch
    {
        CaseAction.StartInvestigation => Machine.Availability(action, CaseTrigger.StartInvestigation),
        CaseAction.Confirm => Machine.Availability(action, CaseTrigger.Confirm),
        CaseAction.Dismiss => Machine.Availability(action, CaseTrigger.Dismiss),
        CaseAction.Penalize => Machine.Availability(action, CaseTrigger.Penalize),
        CaseAction.Appeal => Machine.Availability(action, AppealAt, now),
        CaseAction.UpholdPenalty => Machine.Availability(action, CaseTrigger.UpholdPenalty),
        CaseAction.LiftPenalty => Machine.Availability(action, CaseTrigger.LiftPenalty),
        CaseAction.Close => Machine.Availability(action, CloseAt, now),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown case action."),
    };

    /// <summary>Names the agent the case is about, e.g. once Compliance has identified the agent a public report describes.</summary>
    public void IdentifySubject(int agentId)
    {
        if (!CanIdentifySubject)
        {
            throw new DomainException(TransitionCode.NotAllowedInState, $"{MachineName}: the subject cannot change once the case is {State}.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(agentId);
        SubjectAgentId = agentId;
        Touch();
    }

    /// <summary>Reported → UnderInvestigation, with the Compliance user who investigates it.</summary>
    public void StartInvestigation(string investigator)
    {
        Ensure(CaseAction.StartInvestigation);
        var assigned = Guard.Text(investigator, InvestigatorMaxLength, nameof(investigator));
        Machine.Fire(CaseTrigger.StartInvestigation);
        Investigator = assigned;
        Touch();
    }

    /// <summary>
    /// UnderInvestigation → Confirmed: the violation happened (guard <see cref="CaseGuardKeys.SubjectAgentIdentified"/>).
    /// A <paramref name="severe"/> case goes straight to disqualification on the penalty ladder.
    /// </summary>
    public void Confirm(DateTime at, bool severe = false)
    {
        Ensure(CaseAction.Confirm);
        Guard.Utc(at, nameof(at));
        Machine.Fire(CaseTrigger.Confirm);
        ConfirmedAt = at;
        Severe = severe;
        Touch();
    }

    /// <summary>UnderInvestigation → Dismissed (terminal): no violation.</summary>
    public void Dismiss(DateTime at)
    {
        Ensure(CaseAction.Dismiss);
        Guard.Utc(at, nameof(at));
        Machine.Fire(CaseTrigger.Dismiss);
        ClosedAt = at;
        Touch();
    }

    /// <summary>
    /// Confirmed → Penalized: records the penalty the ladder decided, with its <paramref name="reason"/>, and opens the
    /// appeal window until <paramref name="appealDeadline"/> (the ladder's, <c>Penalty:AppealDays</c> business days on). A
    /// <paramref name="fineAmount"/>, if any, belongs to a Fine and is positive.
    /// </summary>
    public void Penalize(PenaltyKind penalty, decimal? fineAmount, string reason, DateTime at, DateTime appealDeadline)
    {
        Ensure(CaseAction.Penalize);
        if (!Enum.IsDefined(penalty))
        {
            throw new ArgumentOutOfRangeException(nameof(penalty), penalty, "Unknown penalty.");
        }

        if (fineAmount is not null && (penalty != PenaltyKind.Fine || fineAmount <= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(fineAmount), fineAmount, "Only a Fine has an amount, and it is positive.");
        }

        var text = Guard.Text(reason, DescriptionMaxLength, nameof(reason));
        Guard.Utc(at, nameof(at));
        Guard.Utc(appealDeadline, nameof(appealDeadline));
        ArgumentOutOfRangeException.ThrowIfLessThan(appealDeadline, at);

        Machine.Fire(CaseTrigger.Penalize);
        Penalty = penalty;
        FineAmount = fineAmount is null ? null : Money.Round(fineAmount.Value);
        PenaltyReason = text;
        PenalizedAt = at;
        AppealDeadline = appealDeadline;
        Touch();
    }

    /// <summary>Penalized → Appealed, before the appeal deadline (guard <see cref="CaseGuardKeys.AppealWindowOpen"/>).</summary>
    public void Appeal(DateTime now)
    {
        Guard.Utc(now, nameof(now));
        Ensure(CaseAction.Appeal, now);
        Machine.Fire(AppealAt, now);
        Touch();
    }

    /// <summary>Appealed → Closed: the appeal fails, the penalty stands.</summary>
    public void UpholdPenalty(DateTime at)
    {
        Ensure(CaseAction.UpholdPenalty);
        Guard.Utc(at, nameof(at));
        Machine.Fire(CaseTrigger.UpholdPenalty);
        ClosedAt = at;
        Touch();
    }

    /// <summary>Appealed → Closed: the appeal succeeds and the penalty is lifted (<see cref="PenaltyLifted"/>).</summary>
    public void LiftPenalty(DateTime at)
    {
        Ensure(CaseAction.LiftPenalty);
        Guard.Utc(at, nameof(at));
        Machine.Fire(CaseTrigger.LiftPenalty);
        Penalty = null;
        FineAmount = null;
        ClosedAt = at;
        Touch();
    }

    /// <summary>Penalized → Closed once the appeal deadline has come without an appeal (guard <see cref="CaseGuardKeys.AppealWindowClosed"/>).</summary>
    public void Close(DateTime now)
    {
        Guard.Utc(now, nameof(now));
        Ensure(CaseAction.Close, now);
        Machine.Fire(CloseAt, now);
        ClosedAt = now;
        Touch();
    }

    private static ViolationCase Blank() => new() { State = CaseState.Reported };

    private StateMachine<CaseState, CaseTrigger> ConfigureMachine()
    {
        var machine = new StateMachine<CaseState, CaseTrigger>(() => State, state => State = state);

        machine.Configure(CaseState.Reported)
            .Permit(CaseTrigger.StartInvestigation, CaseState.UnderInvestigation);

        machine.Configure(CaseState.UnderInvestigation)
            .PermitIf(CaseTrigger.Confirm, CaseState.Confirmed, () => SubjectAgentId is not null, CaseGuardKeys.SubjectAgentIdentified)
            .Permit(CaseTrigger.Dismiss, CaseState.Dismissed);

        machine.Configure(CaseState.Confirmed)
            .Permit(CaseTrigger.Penalize, CaseState.Penalized);

        machine.Configure(CaseState.Penalized)
            .PermitIf(AppealAt, CaseState.Appealed, now => now < AppealDeadline, CaseGuardKeys.AppealWindowOpen)
            .PermitIf(CloseAt, CaseState.Closed, now => now >= AppealDeadline, CaseGuardKeys.AppealWindowClosed);

        machine.Configure(CaseState.Appealed)
            .Permit(CaseTrigger.UpholdPenalty, CaseState.Closed)
            .Permit(CaseTrigger.LiftPenalty, CaseState.Closed);

        // Terminal: configured without transitions so that they refuse every action.
        machine.Configure(CaseState.Dismissed);
        machine.Configure(CaseState.Closed);

        return machine;
    }

    // Refuses an action the state or a guard does not allow, before any argument is looked at or anything changes.
    private void Ensure(CaseAction action, DateTime now = default) => Availability(action, now).EnsureAllowed(State, MachineName);

    private void Touch() => Version++;
}
