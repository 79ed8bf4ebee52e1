namespace Portal.Domain.Agents;

/// <summary>The vendor's regrading of an agent (DESIGN.md §1: ChannelManagers grade agents).</summary>
public sealed partial class Agent
{
    /// <summary>
    /// Moves the agent to another tier. The hierarchy's invariants (strictly below the parent, strictly above every
    /// sub-agent, only Core and above with sub-agents) are judged beforehand by
    /// <see cref="Hierarchy.HierarchyRules.DecideChange"/>, which sees the parent and the children this entity does not hold.
    /// </summary>
    public void ChangeTier(AgentTier tier)
    {
        if (!Enum.IsDefined(tier))
        {
            throw new ArgumentOutOfRangeException(nameof(tier), tier, "Unknown tier.");
        }

        Tier = tier;
        Touch();
    }
}
