namespace Portal.Domain.Agents;

/// <summary>
/// The agent program's tiers, highest first (DESIGN.md §2.1). The numeric order is the rank: a lower number is a
/// higher tier.
/// </summary>
public enum AgentTier
{
    Strategic = 1,
    Core = 2,
    Tier1 = 3,
    Tier2 = 4,
}
