using Portal.Domain.Agents;
using Portal.Domain.Customers;

namespace Portal.Tests.StateMachines.Builders;

/// <summary>Builds an agent and drives its contract to a state through the agent's own methods.</summary>
internal sealed class AgentBuilder
{
    public static readonly DateOnly ContractStart = new(2026, 1, 1);
    public static readonly DateOnly ContractEnd = new(2026, 12, 31);
    public static readonly DateTime SuspendedUntil = Moments.Days(30);

    private ContractStatus _status = ContractStatus.Applied;

    public static AgentBuilder Applied() => new();

    public static AgentBuilder In(ContractStatus status) => new() { _status = status };

    public Agent Build()
    {
        var agent = new Agent("A-TEST", "测试代理有限公司", Uscc.Create('9', '1', "440106", "MA5TEXT1").Value, AgentTier.Core, null, Moments.T0);
        switch (_status)
        {
            case ContractStatus.Applied:
                break;
            case ContractStatus.UnderReview:
                agent.StartReview();
                break;
            case ContractStatus.Rejected:
                agent.StartReview();
                agent.Reject();
                break;
            case ContractStatus.Active:
                agent.SignDirectly(ContractStart, ContractEnd);
                break;
            case ContractStatus.Suspended:
                agent.SignDirectly(ContractStart, ContractEnd);
                agent.Suspend(SuspendedUntil, Moments.T0);
                break;
            case ContractStatus.Revoked:
                agent.SignDirectly(ContractStart, ContractEnd);
                agent.Revoke();
                break;
            case ContractStatus.Expired:
                agent.SignDirectly(ContractStart, ContractEnd);
                agent.Expire(ContractEnd.AddDays(1));
                break;
            case ContractStatus.Terminated:
                agent.SignDirectly(ContractStart, ContractEnd);
                agent.Terminate();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(_status), _status, null);
        }

        Assert.Equal(_status, agent.Status);
        return agent;
    }
}
