using Portal.Domain.Regions;

namespace Portal.Domain.Agents.Hierarchy;

/// <summary>A ChannelManager's regrading of an agent: a new tier, a new territory, or both (null keeps the current one).</summary>
public sealed record AgentChange(AgentTier? NewTier, IReadOnlyList<RegionCode>? NewTerritory);
