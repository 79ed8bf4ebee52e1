using Portal.Domain.Regions;

namespace Portal.Domain.Agents;

/// <summary>One region of an agent's authorized territory.</summary>
public sealed class AgentTerritory
{
    private AgentTerritory()
    {
    }

    internal AgentTerritory(Agent agent, RegionCode region)
    {
        Agent = agent;
        RegionCode = region.Value;
    }

    public int AgentId { get; private set; }

    public Agent Agent { get; private set; } = null!;

    public string RegionCode { get; private set; } = string.Empty;

    public RegionCode Region => Regions.RegionCode.Parse(RegionCode);
}
