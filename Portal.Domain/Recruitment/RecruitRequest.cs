using Portal.Domain.Agents;
using Portal.Domain.Regions;

namespace Portal.Domain.Recruitment;

/// <summary>The agent to be signed: its USCC as entered, its tier and its territory.</summary>
public sealed record RecruitRequest(string? Uscc, AgentTier Tier, IReadOnlyList<RegionCode> Territory);
