using Portal.Domain.Common;
using Stateless;
using Stateless.Graph;

namespace Portal.Domain.Authorizations;

/// <summary>
/// The authorization's life (DESIGN.md §5.3): Requested → Approved | Rejected | Lapsed (its deadline passed);
/// Approved → Expired | Revoked.
/// <see cref="Status"/>, the mapped column, is the machine's only state.
/// </summary>
public sealed partial class CrossRegionAuthorization
{
    private const string MachineName = "Cross-region authorization";

    private static readonly StateMachine<AuthorizationStatus, AuthorizationTrigger>.TriggerWithParameters<DateOnly> ExpireOn = new(AuthorizationTrigger.Expire);
    private static readonly StateMachine<AuthorizationStatus, AuthorizationTrigger>.TriggerWithParameters<DateTime> TimeOutAt = new(AuthorizationTrigger.TimeOut);

    private StateMachine<AuthorizationStatus, AuthorizationTrigger>? _machine;

    private enum AuthorizationTrigger
    {
        Approve,
        Reject,
        Expire,
        Revoke,
        TimeOut,
    }

    public bool CanApprove => Availability(AuthorizationAction.Approve, default).IsAllowed;

    public bool CanReject => Availability(AuthorizationAction.Reject, default).IsAllowed;

    public bool CanRevoke => Availability(AuthorizationAction.Revoke, default).IsAllowed;

    // Built on first use rather than in a constructor: authorizations EF materializes through the private constructor
    // get one too, and listing authorizations does not pay for machines nobody asks.
    private StateMachine<AuthorizationStatus, AuthorizationTrigger> Machine => _machine ??= ConfigureMachine();

    /// <summary>The authorization graph as Mermaid <c>stateDiagram-v2</c> text, guards included.</summary>
    public static string StateGraphMermaid() => MermaidGraph.Format(Blank().Machine.GetInfo());

    /// <summary>The authorization graph as Graphviz DOT text, guards included.</summary>
    public static string StateGraphDot() => UmlDotGraph.Format(Blank().Machine.GetInfo());

    public bool CanExpire(DateOnly today) => Availability(AuthorizationAction.Expire, today).IsAllowed;

    public bool CanTimeOut(DateTime now) => Availability(AuthorizationAction.TimeOut, default, now).IsAllowed;

    /// <summary>Every action with whether it is allowed on <paramref name="today"/> and, if a guard holds it back, the guard keys (<see cref="AuthorizationGuardKeys"/>).</summary>
    public IReadOnlyList<ActionAvailability<AuthorizationAction>> Actions(DateOnly today, DateTime now = default) =>
        [.. Enum.GetValues<AuthorizationAction>().Select(action => Availability(action, today, now))];

    public ActionAvailability<AuthorizationAction> Availability(AuthorizationAction action, DateOnly today, DateTime now = default) => action switch
    {
        AuthorizationAction.Approve => Machine.Availability(action, AuthorizationTrigger.Approve),
        AuthorizationAction.Reject => Machine.Availability(action, AuthorizationTrigger.Reject),
        AuthorizationAction.Expire => Machine.Availability(action, ExpireOn, today),
        AuthorizationAction.Revoke => Machine.Availability(action, AuthorizationTrigger.Revoke),
        AuthorizationAction.TimeOut => Machine.Availability(action, TimeOutAt, now),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown authorization action."),
    };

    /// <summary>Requested → Approved: <paramref name="decidedBy"/> (the ChannelManager) grants the request.</summary>
    public void Approve(string decidedBy, DateTime at, string? note = null)
    {
        Ensure(AuthorizationAction.Approve);
        var decider = Guard.Text(decidedBy, DecidedByMaxLength, nameof(decidedBy));
        Guard.Utc(at, nameof(at));
        var decisionNote = Guard.OptionalText(note, ReasonMaxLength, nameof(note));
        Machine.Fire(AuthorizationTrigger.Approve);
        Decided(decider, at, decisionNote);
    }

    /// <summary>Requested → Rejected (terminal); a refusal says why (<paramref name="note"/>).</summary>
    public void Reject(string decidedBy, DateTime at, string note)
    {
        Ensure(AuthorizationAction.Reject);
        var decider = Guard.Text(decidedBy, DecidedByMaxLength, nameof(decidedBy));
        Guard.Utc(at, nameof(at));
        var decisionNote = Guard.Text(note, ReasonMaxLength, nameof(note));
        Machine.Fire(AuthorizationTrigger.Reject);
        Decided(decider, at, decisionNote);
    }

    /// <summary>Approved → Expired (terminal) once <see cref="ValidUntil"/> is before <paramref name="today"/> (guard <see cref="AuthorizationGuardKeys.ValidityEnded"/>).</summary>
    public void Expire(DateOnly today)
    {
        Ensure(AuthorizationAction.Expire, today);
        Machine.Fire(ExpireOn, today);
        Touch();
    }

    /// <summary>
    /// Approved → Revoked (terminal): the vendor withdraws the authorization before its window ends. The approval's
    /// decider and note stay; who revoked it and why is the audit trail's.
    /// </summary>
    public void Revoke()
    {
        Ensure(AuthorizationAction.Revoke);
        Machine.Fire(AuthorizationTrigger.Revoke);
        Touch();
    }

    /// <summary>Starts the request's clock: it lapses at <paramref name="deadline"/> unless decided (ADR 28).</summary>
    public void SetReviewDeadline(DateTime deadline)
    {
        Guard.Utc(deadline, nameof(deadline));
        if (Status != AuthorizationStatus.Requested)
        {
            throw new DomainException(TransitionCode.NotAllowedInState, $"{MachineName}: only a request has a deadline, not one that is {Status}.");
        }

        ReviewDeadline = deadline;
        Touch();
    }

    /// <summary>Requested → Lapsed (terminal) once <see cref="ReviewDeadline"/> has come (guard <see cref="AuthorizationGuardKeys.RequestDeadlinePassed"/>).</summary>
    public void TimeOut(DateTime now)
    {
        Guard.Utc(now, nameof(now));
        Ensure(AuthorizationAction.TimeOut, default, now);
        Machine.Fire(TimeOutAt, now);
        DecidedAt = now;
        Touch();
    }

    private static CrossRegionAuthorization Blank() => new() { Status = AuthorizationStatus.Requested };

    private StateMachine<AuthorizationStatus, AuthorizationTrigger> ConfigureMachine()
    {
        var machine = new StateMachine<AuthorizationStatus, AuthorizationTrigger>(() => Status, status => Status = status);

        machine.Configure(AuthorizationStatus.Requested)
            .Permit(AuthorizationTrigger.Approve, AuthorizationStatus.Approved)
            .Permit(AuthorizationTrigger.Reject, AuthorizationStatus.Rejected)
            .PermitIf(TimeOutAt, AuthorizationStatus.Lapsed, now => ReviewDeadline is { } deadline && deadline <= now, AuthorizationGuardKeys.RequestDeadlinePassed);

        machine.Configure(AuthorizationStatus.Approved)
            .PermitIf(ExpireOn, AuthorizationStatus.Expired, today => ValidUntil < today, AuthorizationGuardKeys.ValidityEnded)
            .Permit(AuthorizationTrigger.Revoke, AuthorizationStatus.Revoked);

        // Terminal: configured without transitions so that they refuse every action.
        machine.Configure(AuthorizationStatus.Rejected);
        machine.Configure(AuthorizationStatus.Expired);
        machine.Configure(AuthorizationStatus.Revoked);
        machine.Configure(AuthorizationStatus.Lapsed);

        return machine;
    }

    private void Decided(string decidedBy, DateTime at, string? note)
    {
        DecidedBy = decidedBy;
        DecidedAt = at;
        DecisionNote = note;
        Touch();
    }

    // Refuses an action the state or a guard does not allow, before any argument is looked at or anything changes.
    private void Ensure(AuthorizationAction action, DateOnly today = default, DateTime now = default) =>
        Availability(action, today, now).EnsureAllowed(Status, MachineName);

    private void Touch() => Version++;
}
