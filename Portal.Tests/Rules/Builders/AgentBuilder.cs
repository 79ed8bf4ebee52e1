using Portal.Domain.Agents;
using Portal.Domain.Regions;

namespace Portal.Tests.Rules.Builders;

/// <summary><c>AgentBuilder.Core().In("440100").Build()</c>: an agent snapshot with only what a test cares about.</summary>
internal sealed class AgentBuilder
{
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
}
