namespace Portal.Domain.Agents;

/// <summary>Comparisons on <see cref="AgentTier"/>, whose numeric order is the rank (a lower number is a higher tier).</summary>
public static class AgentTierRank
{
    /// <summary>Is <paramref name="tier"/> strictly below <paramref name="other"/> (Tier2 is below Tier1, …)?</summary>
    public static bool IsBelow(this AgentTier tier, AgentTier other) => (int)tier > (int)other;

    /// <summary>Recruitment (DESIGN.md §2.2): only Core agents and above may develop subordinate agents.</summary>
    public static bool MayRecruit(this AgentTier tier) => tier <= AgentTier.Core;
}
