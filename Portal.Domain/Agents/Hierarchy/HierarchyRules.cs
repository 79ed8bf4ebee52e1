using Portal.Domain.Common;
using Portal.Domain.Regions;

namespace Portal.Domain.Agents.Hierarchy;

/// <summary>
/// Changing an agent's tier or territory keeps the hierarchy what recruitment made it (DESIGN.md §2.2): every agent
/// strictly below its parent's tier, every territory inside the parent's. The change is judged from both sides —
/// against the parent above and the direct sub-agents below — with the recruitment codes, because it is the same
/// parent–child rule seen from the other end:
/// <list type="bullet">
/// <item>RECRUIT_TIER_TOO_HIGH (field <c>tier</c>): the new tier is not strictly below the parent's, or not strictly
/// above a sub-agent's (detail: that sub-agent's code).</item>
/// <item>TIER_CANNOT_RECRUIT (field <c>tier</c>): the agent has sub-agents and the new tier may not have any
/// (Tier-1 or Tier-2).</item>
/// <item>TERRITORY_NOT_WITHIN_PARENT (field <c>territory[i]</c>, detail: the region): a new entry outside the
/// parent's territory; (field <c>territory</c>, detail: the sub-agent's code) a sub-agent's territory no longer
/// inside the new one.</item>
/// </list>
/// The vendor's regrading is a ChannelManager act, so the agent's own contract status does not matter here.
/// </summary>
public static class HierarchyRules
{
    /// <param name="agent">The agent being changed.</param>
    /// <param name="parent">Its parent, or null for a vendor-signed agent.</param>
    /// <param name="children">Its direct sub-agents.</param>
    /// <param name="change">The new tier and/or territory.</param>
    public static Decision DecideChange(AgentSnapshot agent, AgentSnapshot? parent, IReadOnlyList<AgentSnapshot> children, AgentChange change)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(children);
        ArgumentNullException.ThrowIfNull(change);

        var reasons = new ReasonList();
        var tier = change.NewTier ?? agent.Tier;
        var territory = change.NewTerritory ?? agent.Territory;

        if (change.NewTier is not null)
        {
            reasons.AddIf(parent is not null && !tier.IsBelow(parent.Tier), ReasonCode.RecruitTierTooHigh, InputField.Tier, parent?.Code);
            reasons.AddIf(children.Count > 0 && !tier.MayRecruit(), ReasonCode.TierCannotRecruit, InputField.Tier);
            foreach (var child in children.Where(c => !c.Tier.IsBelow(tier)))
            {
                reasons.Add(ReasonCode.RecruitTierTooHigh, InputField.Tier, child.Code);
            }
        }

        if (change.NewTerritory is not null)
        {
            reasons.AddIf(territory.Count == 0, ReasonCode.Required, InputField.Territory);
            if (parent is not null)
            {
                for (var i = 0; i < territory.Count; i++)
                {
                    reasons.AddIf(!parent.Covers(territory[i]), ReasonCode.TerritoryNotWithinParent, InputField.TerritoryEntry(i), territory[i].Value);
                }
            }

            foreach (var child in children.Where(c => !Territory.IsWithin(c.Territory, territory)))
            {
                reasons.Add(ReasonCode.TerritoryNotWithinParent, InputField.Territory, child.Code);
            }
        }

        return reasons.ToDecision();
    }
}
