using Portal.Domain.Common;
using Stateless;
using Stateless.Graph;

namespace Portal.Domain.Agents;

/// <summary>
/// The agent contract (DESIGN.md §5.1): Applied → UnderReview → Active | Rejected;
/// Applied/UnderReview → Rejected when the application's deadline passes (TimeOut); Active ⇄ Suspended;
/// Active/Suspended → Revoked; Active ⇄ Expired; Active → Terminated. <see cref="Status"/>, the mapped column, is the
/// machine's only state.
/// </summary>
public sealed partial class Agent
{
    private const string MachineName = "Agent contract";

    private static readonly StateMachine<ContractStatus, ContractTrigger>.TriggerWithParameters<DateTime> ReinstateAt = new(ContractTrigger.Reinstate);
    private static readonly StateMachine<ContractStatus, ContractTrigger>.TriggerWithParameters<DateOnly> ExpireOn = new(ContractTrigger.Expire);
    private static readonly StateMachine<ContractStatus, ContractTrigger>.TriggerWithParameters<DateTime> TimeOutAt = new(ContractTrigger.TimeOut);

    private StateMachine<ContractStatus, ContractTrigger>? _contract;

    private enum ContractTrigger
    {
        StartReview,
        Sign,
        Reject,
        Suspend,
        Reinstate,
        Revoke,
        Expire,
        Renew,
        Terminate,
        TimeOut,
    }

    public bool CanStartReview => Availability(AgentAction.StartReview, default, default).IsAllowed;

    public bool CanSign => Availability(AgentAction.Sign, default, default).IsAllowed;

    /// <summary>The vendor may sign an applicant directly, skipping the review (see <see cref="SignDirectly"/>).</summary>
    public bool CanSignDirectly => CanStartReview;

    public bool CanReject => Availability(AgentAction.Reject, default, default).IsAllowed;

    public bool CanSuspend => Availability(AgentAction.Suspend, default, default).IsAllowed;

    public bool CanRevoke => Availability(AgentAction.Revoke, default, default).IsAllowed;

    public bool CanRenew => Availability(AgentAction.Renew, default, default).IsAllowed;

    public bool CanTerminate => Availability(AgentAction.Terminate, default, default).IsAllowed;

    // Built on first use rather than in a constructor: agents EF materializes through the private constructor get
    // one too, and listing agents does not pay for machines nobody asks.
    private StateMachine<ContractStatus, ContractTrigger> Contract => _contract ??= ConfigureContract();

    /// <summary>The contract graph as Mermaid <c>stateDiagram-v2</c> text, guards included.</summary>
    public static string StateGraphMermaid() => MermaidGraph.Format(Blank().Contract.GetInfo());

    /// <summary>The contract graph as Graphviz DOT text, guards included.</summary>
    public static string StateGraphDot() => UmlDotGraph.Format(Blank().Contract.GetInfo());

    public bool CanReinstate(DateTime now) => Availability(AgentAction.Reinstate, now, default).IsAllowed;

    public bool CanExpire(DateOnly today) => Availability(AgentAction.Expire, default, today).IsAllowed;

    public bool CanTimeOut(DateTime now) => Availability(AgentAction.TimeOut, now, default).IsAllowed;

    /// <summary>Whether the agent is an application waiting for the vendor's decision (and so has a deadline).</summary>
    public bool AwaitsDecision => Status is ContractStatus.Applied or ContractStatus.UnderReview;

    /// <summary>
    /// Every contract action with whether it is allowed now and, if a guard holds it back, the guard keys
    /// (<see cref="AgentGuardKeys"/>). <paramref name="today"/> is the business date the contract's dates are in.
    /// </summary>
    public IReadOnlyList<ActionAvailability<AgentAction>> Actions(DateTime now, DateOnly today) =>
        [.. Enum.GetValues<AgentAction>().Select(action => Availability(action, now, today))];

    public ActionAvailability<AgentAction> Availability(AgentAction action, DateTime now, DateOnly today) => action switch
    {
        AgentAction.StartReview => Contract.Availability(action, ContractTrigger.StartReview),
        AgentAction.Sign => Contract.Availability(action, ContractTrigger.Sign),
        AgentAction.Reject => Contract.Availability(action, ContractTrigger.Reject),
        AgentAction.Suspend => Contract.Availability(action, ContractTrigger.Suspend),
        AgentAction.Reinstate => Contract.Availability(action, ReinstateAt, now),
        AgentAction.Revoke => Contract.Availability(action, ContractTrigger.Revoke),
        AgentAction.Expire => Contract.Availability(action, ExpireOn, today),
        AgentAction.Renew => Contract.Availability(action, ContractTrigger.Renew),
        AgentAction.Terminate => Contract.Availability(action, ContractTrigger.Terminate),
        AgentAction.TimeOut => Contract.Availability(action, TimeOutAt, now),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown agent action."),
    };

    /// <summary>Applied → UnderReview.</summary>
    public void StartReview()
    {
        Ensure(AgentAction.StartReview);
        Contract.Fire(ContractTrigger.StartReview);
        Touch();
    }

    /// <summary>UnderReview → Active: the vendor signs the contract for <paramref name="start"/>–<paramref name="end"/> (both days included).</summary>
    public void Sign(DateOnly start, DateOnly end)
    {
        Ensure(AgentAction.Sign);
        RequirePeriod(start, end);
        Contract.Fire(ContractTrigger.Sign);
        SetPeriod(start, end);
    }

    /// <summary>
    /// Applied → UnderReview → Active in one step: the vendor signs an agent directly (DESIGN.md §2, recruitment), as for
    /// agents it develops itself and for the demo data.
    /// </summary>
    public void SignDirectly(DateOnly start, DateOnly end)
    {
        if (!CanSignDirectly)
        {
            throw new DomainException(TransitionCode.NotAllowedInState, $"{MachineName}: only an application (Applied) can be signed directly, not one that is {Status}.");
        }

        RequirePeriod(start, end);

        // From UnderReview signing is never guarded, so the second step cannot fail once the first is taken.
        Contract.Fire(ContractTrigger.StartReview);
        Contract.Fire(ContractTrigger.Sign);
        SetPeriod(start, end);
    }

    /// <summary>Starts the application's clock: it is rejected at <paramref name="deadline"/> unless decided (ADR 28).</summary>
    public void SetReviewDeadline(DateTime deadline)
    {
        Guard.Utc(deadline, nameof(deadline));
        if (!AwaitsDecision)
        {
            throw new DomainException(TransitionCode.NotAllowedInState, $"{MachineName}: only an application has a deadline, not one that is {Status}.");
        }

        ReviewDeadline = deadline;
        Touch();
    }

    /// <summary>Applied/UnderReview → Rejected (terminal) once <see cref="ReviewDeadline"/> has come (guard <see cref="AgentGuardKeys.ApplicationDeadlinePassed"/>).</summary>
    public void TimeOut(DateTime now)
    {
        Guard.Utc(now, nameof(now));
        Ensure(AgentAction.TimeOut, now);
        Contract.Fire(TimeOutAt, now);
        Touch();
    }

    /// <summary>UnderReview → Rejected (terminal).</summary>
    public void Reject()
    {
        Ensure(AgentAction.Reject);
        Contract.Fire(ContractTrigger.Reject);
        Touch();
    }

    /// <summary>
    /// Active → Suspended until <paramref name="until"/> (a Suspension penalty). The case that imposed it records the
    /// penalty and its subject, and the audit trail links both; the agent row has no column for the case.
    /// </summary>
    public void Suspend(DateTime until, DateTime now)
    {
        Ensure(AgentAction.Suspend);
        Guard.Utc(until, nameof(until));
        Guard.Utc(now, nameof(now));
        if (until <= now)
        {
            throw new ArgumentOutOfRangeException(nameof(until), until, "A suspension ends in the future.");
        }

        Contract.Fire(ContractTrigger.Suspend);
        SuspendedUntil = until;
        Touch();
    }

    /// <summary>Suspended → Active, once the suspension has ended (guard <see cref="AgentGuardKeys.SuspensionEnded"/>).</summary>
    public void Reinstate(DateTime now)
    {
        Guard.Utc(now, nameof(now));
        Ensure(AgentAction.Reinstate, now);
        Contract.Fire(ReinstateAt, now);
        SuspendedUntil = null;
        Touch();
    }

    /// <summary>Active/Suspended → Revoked: disqualification (取消代理商资格). Terminal.</summary>
    public void Revoke()
    {
        Ensure(AgentAction.Revoke);
        Contract.Fire(ContractTrigger.Revoke);
        SuspendedUntil = null;
        Touch();
    }

    /// <summary>Active → Expired once the contract's last day is before <paramref name="today"/> (guard <see cref="AgentGuardKeys.ContractEnded"/>).</summary>
    public void Expire(DateOnly today)
    {
        Ensure(AgentAction.Expire, today: today);
        Contract.Fire(ExpireOn, today);
        Touch();
    }

    /// <summary>Expired → Active with a new contract period.</summary>
    public void Renew(DateOnly start, DateOnly end)
    {
        Ensure(AgentAction.Renew);
        RequirePeriod(start, end);
        Contract.Fire(ContractTrigger.Renew);
        SetPeriod(start, end);
    }

    /// <summary>Active → Terminated: the agent leaves the program of its own will. Terminal.</summary>
    public void Terminate()
    {
        Ensure(AgentAction.Terminate);
        Contract.Fire(ContractTrigger.Terminate);
        Touch();
    }

    private static Agent Blank() => new() { Status = ContractStatus.Applied };

    private static void RequirePeriod(DateOnly start, DateOnly end)
    {
        if (end < start)
        {
            throw new ArgumentOutOfRangeException(nameof(end), end, "A contract ends on or after the day it starts.");
        }
    }

    private StateMachine<ContractStatus, ContractTrigger> ConfigureContract()
    {
        var machine = new StateMachine<ContractStatus, ContractTrigger>(() => Status, status => Status = status);

        machine.Configure(ContractStatus.Applied)
            .Permit(ContractTrigger.StartReview, ContractStatus.UnderReview)
            .PermitIf(TimeOutAt, ContractStatus.Rejected, DeadlinePassed, AgentGuardKeys.ApplicationDeadlinePassed);

        machine.Configure(ContractStatus.UnderReview)
            .Permit(ContractTrigger.Sign, ContractStatus.Active)
            .Permit(ContractTrigger.Reject, ContractStatus.Rejected)
            .PermitIf(TimeOutAt, ContractStatus.Rejected, DeadlinePassed, AgentGuardKeys.ApplicationDeadlinePassed);

        machine.Configure(ContractStatus.Active)
            .Permit(ContractTrigger.Suspend, ContractStatus.Suspended)
            .Permit(ContractTrigger.Revoke, ContractStatus.Revoked)
            .PermitIf(ExpireOn, ContractStatus.Expired, today => ContractEnd < today, AgentGuardKeys.ContractEnded)
            .Permit(ContractTrigger.Terminate, ContractStatus.Terminated);

        machine.Configure(ContractStatus.Suspended)
            .PermitIf(ReinstateAt, ContractStatus.Active, now => SuspendedUntil <= now, AgentGuardKeys.SuspensionEnded)
            .Permit(ContractTrigger.Revoke, ContractStatus.Revoked);

        machine.Configure(ContractStatus.Expired)
            .Permit(ContractTrigger.Renew, ContractStatus.Active);

        // Terminal: configured without transitions so that they appear in the graph and refuse every action.
        machine.Configure(ContractStatus.Rejected);
        machine.Configure(ContractStatus.Revoked);
        machine.Configure(ContractStatus.Terminated);

        return machine;
    }

    private bool DeadlinePassed(DateTime now) => ReviewDeadline is { } deadline && deadline <= now;

    // Refuses an action the state or a guard does not allow, before any argument is looked at or anything changes.
    private void Ensure(AgentAction action, DateTime now = default, DateOnly today = default) =>
        Availability(action, now, today).EnsureAllowed(Status, MachineName);

    private void SetPeriod(DateOnly start, DateOnly end)
    {
        ContractStart = start;
        ContractEnd = end;
        Touch();
    }
}
