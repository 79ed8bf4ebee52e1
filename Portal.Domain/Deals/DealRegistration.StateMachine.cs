using Portal.Domain.Common;
using Portal.Domain.Sales;
using Stateless;
using Stateless.Graph;

namespace Portal.Domain.Deals;

/// <summary>
/// The deal registration's life (DESIGN.md §5.2): Draft → Submitted → Approved | PendingReview | Rejected;
/// PendingReview → Approved | Rejected; Approved → Won | Lost | Expired | Cancelled; Approved → ExtensionRequested →
/// Approved; PendingReview → Rejected and ExtensionRequested → Approved when the decision's deadline passes (TimeOut).
///  <see cref="Status"/>, the mapped column, is the machine's only state.
/// </summary>
/// <remarks>
/// An extension may be requested once (DESIGN.md §4). The request itself uses it up: a refused request cannot be
/// filed again, otherwise "once" would mean "until a manager says yes" and agents could keep a customer on hold by
/// asking again and again.
/// </remarks>
public sealed partial class DealRegistration
{
    private const string MachineName = "Deal registration";

    private static readonly StateMachine<DealStatus, DealTrigger>.TriggerWithParameters<DateTime> RequestExtensionAt = new(DealTrigger.RequestExtension);
    private static readonly StateMachine<DealStatus, DealTrigger>.TriggerWithParameters<DateTime> ExpireAt = new(DealTrigger.Expire);
    private static readonly StateMachine<DealStatus, DealTrigger>.TriggerWithParameters<DateTime> TimeOutAt = new(DealTrigger.TimeOut);

    private StateMachine<DealStatus, DealTrigger>? _machine;

    private enum DealTrigger
    {
        Submit,
        Approve,
        SendToReview,
        Reject,
        ReportSale,
        MarkLost,
        Expire,
        Cancel,
        RequestExtension,
        GrantExtension,
        RefuseExtension,
        TimeOut,
    }

    public bool CanSubmit => Availability(DealAction.Submit, default).IsAllowed;

    public bool CanApprove => Availability(DealAction.Approve, default).IsAllowed;

    public bool CanSendToReview => Availability(DealAction.SendToReview, default).IsAllowed;

    public bool CanReject => Availability(DealAction.Reject, default).IsAllowed;

    public bool CanReportSale => Availability(DealAction.ReportSale, default).IsAllowed;

    public bool CanMarkLost => Availability(DealAction.MarkLost, default).IsAllowed;

    public bool CanCancel => Availability(DealAction.Cancel, default).IsAllowed;

    public bool CanGrantExtension => Availability(DealAction.GrantExtension, default).IsAllowed;

    public bool CanRefuseExtension => Availability(DealAction.RefuseExtension, default).IsAllowed;

    // Built on first use rather than in a constructor: registrations EF materializes through the private constructor
    // get one too, and listing registrations does not pay for machines nobody asks.
    private StateMachine<DealStatus, DealTrigger> Machine => _machine ??= ConfigureMachine();

    /// <summary>The registration graph as Mermaid <c>stateDiagram-v2</c> text, guards included.</summary>
    public static string StateGraphMermaid() => MermaidGraph.Format(Blank().Machine.GetInfo());

    /// <summary>The registration graph as Graphviz DOT text, guards included.</summary>
    public static string StateGraphDot() => UmlDotGraph.Format(Blank().Machine.GetInfo());

    public bool CanRequestExtension(DateTime now) => Availability(DealAction.RequestExtension, now).IsAllowed;

    public bool CanExpire(DateTime now) => Availability(DealAction.Expire, now).IsAllowed;

    public bool CanTimeOut(DateTime now) => Availability(DealAction.TimeOut, now).IsAllowed;

    /// <summary>Whether the registration waits for a manager's decision (and so has a deadline).</summary>
    public bool AwaitsDecision => Status is DealStatus.PendingReview or DealStatus.ExtensionRequested;

    /// <summary>Every action with whether it is allowed at <paramref name="now"/> and, if a guard holds it back, the guard keys (<see cref="DealGuardKeys"/>).</summary>
    public IReadOnlyList<ActionAvailability<DealAction>> Actions(DateTime now) =>
        [.. Enum.GetValues<DealAction>().Select(action => Availability(action, now))];

    public ActionAvailability<DealAction> Availability(DealAction action, DateTime now) => action switch
    {
        DealAction.Submit => Machine.Availability(action, DealTrigger.Submit),
        DealAction.Approve => Machine.Availability(action, DealTrigger.Approve),
        DealAction.SendToReview => Machine.Availability(action, DealTrigger.SendToReview),
        DealAction.Reject => Machine.Availability(action, DealTrigger.Reject),
        DealAction.ReportSale => Machine.Availability(action, DealTrigger.ReportSale),
        DealAction.MarkLost => Machine.Availability(action, DealTrigger.MarkLost),
        DealAction.Expire => Machine.Availability(action, ExpireAt, now),
        DealAction.Cancel => Machine.Availability(action, DealTrigger.Cancel),
        DealAction.RequestExtension => Machine.Availability(action, RequestExtensionAt, now),
        DealAction.GrantExtension => Machine.Availability(action, DealTrigger.GrantExtension),
        DealAction.RefuseExtension => Machine.Availability(action, DealTrigger.RefuseExtension),
        DealAction.TimeOut => Machine.Availability(action, TimeOutAt, now),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown deal action."),
    };

    /// <summary>Draft → Submitted.</summary>
    public void Submit(DateTime at)
    {
        Ensure(DealAction.Submit);
        Guard.Utc(at, nameof(at));
        Machine.Fire(DealTrigger.Submit);
        SubmittedAt = at;
        Touch();
    }

    /// <summary>
    /// Submitted/PendingReview → Approved: the customer is protected for the agent until <paramref name="protectedUntil"/>.
    /// <paramref name="notices"/> are reasons the rules noticed without refusing (a Monitor-mode price deviation).
    /// </summary>
    public void Approve(DateTime at, DateTime protectedUntil, string? note = null, IEnumerable<DealReason>? notices = null)
    {
        Ensure(DealAction.Approve);
        Guard.Utc(at, nameof(at));
        Guard.Utc(protectedUntil, nameof(protectedUntil));
        if (protectedUntil <= at)
        {
            throw new ArgumentOutOfRangeException(nameof(protectedUntil), protectedUntil, "Protection ends after the approval.");
        }

        var decisionNote = Guard.OptionalText(note, ReasonTextMaxLength, nameof(note));
        Machine.Fire(DealTrigger.Approve);
        DecidedAt = at;
        ProtectedUntil = protectedUntil;
        DecisionNote = decisionNote;
        if (notices is not null)
        {
            AddReasons([.. notices]);
        }

        Touch();
    }

    /// <summary>Submitted → PendingReview: the rules cannot approve automatically and say why (<paramref name="reasons"/>, at least one).</summary>
    public void SendToReview(IEnumerable<DealReason> reasons)
    {
        Ensure(DealAction.SendToReview);
        var added = RequireReasons(reasons);
        Machine.Fire(DealTrigger.SendToReview);
        AddReasons(added);
        Touch();
    }

    /// <summary>Submitted/PendingReview → Rejected (terminal), with the reason codes of the refusal (at least one).</summary>
    public void Reject(IEnumerable<DealReason> reasons, DateTime at, string? note = null)
    {
        Ensure(DealAction.Reject);
        var added = RequireReasons(reasons);
        Guard.Utc(at, nameof(at));
        var decisionNote = Guard.OptionalText(note, ReasonTextMaxLength, nameof(note));
        Machine.Fire(DealTrigger.Reject);
        AddReasons(added);
        DecidedAt = at;
        DecisionNote = decisionNote;
        Touch();
    }

    /// <summary>
    /// Approved → Won (terminal): the agent reports the sale. The sale date and the prices actually charged are the
    /// report's (<see cref="SalesReport.SoldOn"/>); a report is a fact and is never refused for its content
    /// (DESIGN.md §4), only for being about another registration.
    /// </summary>
    public void ReportSale(SalesReport sale)
    {
        Ensure(DealAction.ReportSale);
        ArgumentNullException.ThrowIfNull(sale);
        if (sale.DealId != Id || sale.AgentId != AgentId || sale.CustomerId != CustomerId)
        {
            throw new ArgumentException("The sales report is about another registration.", nameof(sale));
        }

        Machine.Fire(DealTrigger.ReportSale);
        Touch();
    }

    /// <summary>Approved → Lost (terminal): the customer did not buy.</summary>
    public void MarkLost()
    {
        Ensure(DealAction.MarkLost);
        Machine.Fire(DealTrigger.MarkLost);
        Touch();
    }

    /// <summary>Approved → Expired (terminal), once <see cref="ProtectedUntil"/> has come (guard <see cref="DealGuardKeys.ProtectionEnded"/>).</summary>
    public void Expire(DateTime now)
    {
        Guard.Utc(now, nameof(now));
        Ensure(DealAction.Expire, now);
        Machine.Fire(ExpireAt, now);
        Touch();
    }

    /// <summary>Approved → Cancelled (terminal), e.g. by the disqualification cascade.</summary>
    public void Cancel()
    {
        Ensure(DealAction.Cancel);
        Machine.Fire(DealTrigger.Cancel);
        Touch();
    }

    /// <summary>
    /// Whether a ChannelManager may cancel the registration now (DESIGN.md §9): while it protects its customer —
    /// Approved, or Approved with an extension request pending.
    /// </summary>
    public ActionAvailability<DealAction> CancellationAvailability() =>
        Status == DealStatus.ExtensionRequested
            ? new ActionAvailability<DealAction>(DealAction.Cancel, true, [])
            : Availability(DealAction.Cancel, default);

    /// <summary>
    /// A ChannelManager's cancellation with a written <paramref name="reason"/>, kept as the decision note. A pending
    /// extension request is refused first with the same reason (ExtensionRequested → Approved → Cancelled: the machine's
    /// own transitions, as the disqualification cascade takes them).
    /// </summary>
    public void CancelWithReason(string reason)
    {
        var text = Guard.Text(reason, ReasonTextMaxLength, nameof(reason));
        if (Status == DealStatus.ExtensionRequested)
        {
            RefuseExtension(text);
        }

        Cancel();
        DecisionNote = text;
    }

    /// <summary>
    /// Approved → ExtensionRequested, with a written <paramref name="reason"/>. Allowed once per registration (guard
    /// <see cref="DealGuardKeys.ExtensionNotYetUsed"/>) and only while the protection is in force (guard
    /// <see cref="DealGuardKeys.ProtectionInForce"/>).
    /// </summary>
    public void RequestExtension(string reason, DateTime now)
    {
        Guard.Utc(now, nameof(now));
        Ensure(DealAction.RequestExtension, now);
        var text = Guard.Text(reason, ReasonTextMaxLength, nameof(reason));
        Machine.Fire(RequestExtensionAt, now);
        ExtensionUsed = true;
        ExtensionReason = text;
        Touch();
    }

    /// <summary>ExtensionRequested → Approved, the protection moved to <paramref name="protectedUntil"/> (later than the current end).</summary>
    public void GrantExtension(DateTime protectedUntil, string? note = null)
    {
        Ensure(DealAction.GrantExtension);
        Guard.Utc(protectedUntil, nameof(protectedUntil));
        if (protectedUntil <= ProtectedUntil)
        {
            throw new ArgumentOutOfRangeException(nameof(protectedUntil), protectedUntil, "An extension moves the protection's end later.");
        }

        var decisionNote = Guard.OptionalText(note, ReasonTextMaxLength, nameof(note));
        Machine.Fire(DealTrigger.GrantExtension);
        ProtectedUntil = protectedUntil;
        DecisionNote = decisionNote;
        Touch();
    }

    /// <summary>ExtensionRequested → Approved, the protection unchanged; a refusal says why (<paramref name="note"/>).</summary>
    public void RefuseExtension(string note)
    {
        Ensure(DealAction.RefuseExtension);
        var decisionNote = Guard.Text(note, ReasonTextMaxLength, nameof(note));
        Machine.Fire(DealTrigger.RefuseExtension);
        DecisionNote = decisionNote;
        Touch();
    }

    /// <summary>Starts the clock of the pending decision: its default outcome comes at <paramref name="deadline"/> (ADR 28).</summary>
    public void SetReviewDeadline(DateTime deadline)
    {
        Guard.Utc(deadline, nameof(deadline));
        if (!AwaitsDecision)
        {
            throw new DomainException(TransitionCode.NotAllowedInState, $"{MachineName}: only a registration awaiting a decision has a deadline, not one that is {Status}.");
        }

        ReviewDeadline = deadline;
        Touch();
    }

    /// <summary>
    /// The default outcome once <see cref="ReviewDeadline"/> has come (guard <see cref="DealGuardKeys.DecisionDeadlinePassed"/>):
    /// a held registration is rejected with <see cref="ReasonCode.ReviewTimedOut"/>; an extension request is refused,
    /// the protection unchanged (so a registration whose protection has ended meanwhile can expire right after).
    /// </summary>
    public void TimeOut(DateTime now)
    {
        Guard.Utc(now, nameof(now));
        Ensure(DealAction.TimeOut, now);
        var held = Status == DealStatus.PendingReview;
        Machine.Fire(TimeOutAt, now);
        if (held)
        {
            AddReasons([new DealReason(ReasonCode.ReviewTimedOut, null)]);
            DecidedAt = now;
        }

        DecisionNote = null;
        Touch();
    }

    private static DealRegistration Blank() => new() { Status = DealStatus.Draft };

    private static List<DealReason> RequireReasons(IEnumerable<DealReason> reasons)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        var list = reasons.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("At least one reason code is required.", nameof(reasons));
        }

        if (list.Exists(r => r is null || string.IsNullOrWhiteSpace(r.Code)))
        {
            throw new ArgumentException("A reason has a code.", nameof(reasons));
        }

        return list;
    }

    private StateMachine<DealStatus, DealTrigger> ConfigureMachine()
    {
        var machine = new StateMachine<DealStatus, DealTrigger>(() => Status, status => Status = status);

        machine.Configure(DealStatus.Draft)
            .Permit(DealTrigger.Submit, DealStatus.Submitted);

        machine.Configure(DealStatus.Submitted)
            .Permit(DealTrigger.Approve, DealStatus.Approved)
            .Permit(DealTrigger.SendToReview, DealStatus.PendingReview)
            .Permit(DealTrigger.Reject, DealStatus.Rejected);

        machine.Configure(DealStatus.PendingReview)
            .Permit(DealTrigger.Approve, DealStatus.Approved)
            .Permit(DealTrigger.Reject, DealStatus.Rejected)
            .PermitIf(TimeOutAt, DealStatus.Rejected, DeadlinePassed, DealGuardKeys.DecisionDeadlinePassed);

        machine.Configure(DealStatus.Approved)
            .Permit(DealTrigger.ReportSale, DealStatus.Won)
            .Permit(DealTrigger.MarkLost, DealStatus.Lost)
            .PermitIf(ExpireAt, DealStatus.Expired, now => ProtectedUntil <= now, DealGuardKeys.ProtectionEnded)
            .Permit(DealTrigger.Cancel, DealStatus.Cancelled)
            .PermitIf(
                RequestExtensionAt,
                DealStatus.ExtensionRequested,
                Tuple.Create<Func<DateTime, bool>, string>(_ => !ExtensionUsed, DealGuardKeys.ExtensionNotYetUsed),
                Tuple.Create<Func<DateTime, bool>, string>(now => now < ProtectedUntil, DealGuardKeys.ProtectionInForce));

        machine.Configure(DealStatus.ExtensionRequested)
            .Permit(DealTrigger.GrantExtension, DealStatus.Approved)
            .Permit(DealTrigger.RefuseExtension, DealStatus.Approved)
            .PermitIf(TimeOutAt, DealStatus.Approved, DeadlinePassed, DealGuardKeys.DecisionDeadlinePassed);

        // Terminal: configured without transitions so that they refuse every action.
        machine.Configure(DealStatus.Rejected);
        machine.Configure(DealStatus.Won);
        machine.Configure(DealStatus.Lost);
        machine.Configure(DealStatus.Expired);
        machine.Configure(DealStatus.Cancelled);

        return machine;
    }

    private bool DeadlinePassed(DateTime now) => ReviewDeadline is { } deadline && deadline <= now;

    // Refuses an action the state or a guard does not allow, before any argument is looked at or anything changes.
    private void Ensure(DealAction action, DateTime now = default) => Availability(action, now).EnsureAllowed(Status, MachineName);

    private void AddReasons(IEnumerable<DealReason> reasons)
    {
        foreach (var reason in reasons)
        {
            if (!_reasons.Exists(r => r.Code == reason.Code && r.Field == reason.Field))
            {
                _reasons.Add(reason);
            }
        }
    }

    private void Touch() => Version++;
}
