using Portal.Domain.Agents;
using Portal.Tests.Builders;
using static Portal.Domain.Agents.AgentAction;
using static Portal.Domain.Agents.ContractStatus;

namespace Portal.Tests.StateMachines;

/// <summary>DESIGN.md §5.1 written down as a table, and one way to take each action with arguments of a test's choosing.</summary>
internal static class AgentContractDesign
{
    public static readonly IReadOnlyDictionary<(ContractStatus From, AgentAction Action), ContractStatus> Allowed =
        new Dictionary<(ContractStatus, AgentAction), ContractStatus>
        {
            [(Applied, StartReview)] = UnderReview,
            [(UnderReview, Sign)] = Active,
            [(UnderReview, Reject)] = Rejected,
            [(Active, Suspend)] = Suspended,
            [(Suspended, Reinstate)] = Active,
            [(Active, Revoke)] = Revoked,
            [(Suspended, Revoke)] = Revoked,
            [(Active, Expire)] = Expired,
            [(Expired, Renew)] = Active,
            [(Active, Terminate)] = Terminated,
            [(Applied, TimeOut)] = Rejected,
            [(UnderReview, TimeOut)] = Rejected,
        };

    public static readonly ContractStatus[] Terminal = [Rejected, Revoked, Terminated];

    /// <summary>A moment at which every guard of a builder-made agent holds: its suspension and its contract have ended.</summary>
    public static readonly DateTime Late = TestTime.Days(400);

    /// <summary>The business date of a moment; the tests take it as the UTC date.</summary>
    public static DateOnly Day(DateTime now) => DateOnly.FromDateTime(now);

    /// <summary>Takes <paramref name="action"/> at <paramref name="now"/>; returns whether the arguments used were valid.</summary>
    public static bool Do(Agent agent, AgentAction action, DateTime now, bool wantInvalid = false, Random? random = null)
    {
        var today = Day(now);
        var length = random?.Next(30, 400) ?? 365;
        switch (action)
        {
            case StartReview:
                agent.StartReview();
                return true;
            case Sign:
                agent.Sign(today, wantInvalid ? today.AddDays(-1) : today.AddDays(length));
                return !wantInvalid;
            case Reject:
                agent.Reject();
                return true;
            case Suspend:
                agent.Suspend(wantInvalid ? now : now.AddDays(random?.Next(1, 60) ?? 30), now);
                return !wantInvalid;
            case Reinstate:
                agent.Reinstate(wantInvalid ? DateTime.SpecifyKind(now, DateTimeKind.Unspecified) : now);
                return !wantInvalid;
            case Revoke:
                agent.Revoke();
                return true;
            case Expire:
                agent.Expire(today);
                return true;
            case Renew:
                agent.Renew(today, wantInvalid ? today.AddDays(-1) : today.AddDays(length));
                return !wantInvalid;
            case Terminate:
                agent.Terminate();
                return true;
            case TimeOut:
                agent.TimeOut(now);
                return true;
            default:
                throw new ArgumentOutOfRangeException(nameof(action), action, null);
        }
    }
}
