using Portal.Domain.Agents;
using Portal.Domain.Customers;
using Portal.Domain.Regions;

namespace Portal.Tests.Builders;

/// <summary>
/// <c>AgentBuilder.Core().In("440100").Build()</c>: an agent snapshot with only what a test cares about; and
/// <c>AgentBuilder.Entity(ContractStatus.Suspended)</c>: an agent entity driven to a contract state through its own methods.
/// </summary>
internal sealed class AgentBuilder
{
    public static readonly DateOnly ContractStart = new(2026, 1, 1);
    public static readonly DateOnly ContractEnd = new(2026, 12, 31);
    public static readonly DateTime SuspendedUntil = TestTime.Days(30);

    /// <summary>When a builder-made application is rejected by default.</summary>
    public static readonly DateTime ApplicationDeadline = TestTime.Days(14);

    private static int s_nextId = 1000;

    private readonly AgentTier _tier;
    private int _id = Interlocked.Increment(ref s_nextId);
    private string? _code;
    private ContractStatus _status = ContractStatus.Active;
    private int? _parentId;
    private RegionCode[] _territory = [RegionCode.Parse("440100")];

    private AgentBuilder(AgentTier tier) => _tier = tier;

    public static AgentBuilder Strategic() => new(AgentTier.Strategic);

    public static AgentBuilder Core() => new(AgentTier.Core);

    public static AgentBuilder Tier1() => new(AgentTier.Tier1);

    public static AgentBuilder Tier2() => new(AgentTier.Tier2);

    public static AgentBuilder OfTier(AgentTier tier) => new(tier);

    public AgentBuilder WithId(int id)
    {
        _id = id;
        return this;
    }

    public AgentBuilder Coded(string code)
    {
        _code = code;
        return this;
    }

    public AgentBuilder In(params string[] regions)
    {
        _territory = regions.Select(RegionCode.Parse).ToArray();
        return this;
    }

    public AgentBuilder Under(AgentSnapshot parent)
    {
        _parentId = parent.Id;
        return this;
    }

    public AgentBuilder WithStatus(ContractStatus status)
    {
        _status = status;
        return this;
    }

    public AgentBuilder Suspended() => WithStatus(ContractStatus.Suspended);

    public AgentSnapshot Build() => new(_id, _code ?? $"{_tier}-{_id}".ToUpperInvariant(), _tier, _status, _parentId, _territory);

    /// <summary>An agent entity whose contract is in <paramref name="status"/>, reached as the portal would reach it.</summary>
    public static Agent Entity(ContractStatus status)
    {
        var agent = new Agent("A-TEST", "测试代理有限公司", Uscc.Create('9', '1', "440106", "MA5TEXT1").Value, AgentTier.Core, null, TestTime.Now);
        agent.SetReviewDeadline(ApplicationDeadline);
        switch (status)
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
                agent.Suspend(SuspendedUntil, TestTime.Now);
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
                throw new ArgumentOutOfRangeException(nameof(status), status, null);
        }

        Assert.Equal(status, agent.Status);
        return agent;
    }
}
