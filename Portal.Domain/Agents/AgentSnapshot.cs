using Portal.Domain.Regions;

namespace Portal.Domain.Agents;

/// <summary>What the rules need to know about an agent, as the application read it from the database.</summary>
public sealed record AgentSnapshot(int Id, string Code, AgentTier Tier, ContractStatus Status, int? ParentId, IReadOnlyList<RegionCode> Territory)
{
    /// <summary>Only Active agents may register deals, recruit or request authorizations (DESIGN.md §5.1).</summary>
    public bool IsActive => Status == ContractStatus.Active;

    /// <summary>Regional protection: is the region inside the agent's own territory (authorizations aside)?</summary>
    public bool Covers(RegionCode region) => Regions.Territory.Covers(Territory, region);

    public static AgentSnapshot From(Agent agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        return new AgentSnapshot(agent.Id, agent.Code, agent.Tier, agent.Status, agent.ParentId, agent.Territory.Select(t => t.Region).ToList());
    }
}
