using Portal.Domain.Agents;
using Portal.Domain.Agents.Hierarchy;
using Portal.Domain.Common;
using Portal.Domain.Regions;
using Portal.Tests.Builders;

namespace Portal.Tests.Rules;

/// <summary>
/// Changing an agent's tier or territory keeps every agent strictly below its parent and inside its parent's territory,
/// judged against the parent above and the sub-agents below. Demo tree: SP-SOUTH → CORE-GZ → T1-TIANHE, T2-YUEXIU.
/// </summary>
public sealed class HierarchyChangeTests
{
    [Theory]
    [InlineData("CORE-GZ", AgentTier.Core, new string[0], new string[0])] // unchanged
    [InlineData("CORE-GZ", AgentTier.Strategic, new[] { ReasonCode.RecruitTierTooHigh }, new[] { "SP-SOUTH" })] // level with its parent
    [InlineData("CORE-GZ", AgentTier.Tier1, new[] { ReasonCode.TierCannotRecruit, ReasonCode.RecruitTierTooHigh }, new[] { null, "T1-TIANHE" })]
    [InlineData("CORE-GZ", AgentTier.Tier2, new[] { ReasonCode.TierCannotRecruit, ReasonCode.RecruitTierTooHigh }, new[] { null, "T1-TIANHE", "T2-YUEXIU" })]
    [InlineData("T2-YUEXIU", AgentTier.Tier1, new string[0], new string[0])] // promoted, still below CORE-GZ
    [InlineData("T2-YUEXIU", AgentTier.Core, new[] { ReasonCode.RecruitTierTooHigh }, new[] { "CORE-GZ" })]
    [InlineData("T1-TIANHE", AgentTier.Tier2, new string[0], new string[0])] // demoted, has no sub-agents
    [InlineData("SP-SOUTH", AgentTier.Core, new[] { ReasonCode.RecruitTierTooHigh }, new[] { "CORE-GZ" })] // level with its sub-agent
    public void A_new_tier_stays_below_the_parents_and_above_the_sub_agents(string code, AgentTier newTier, string[] codes, string?[] details)
    {
        var decision = Change(code, new AgentChange(newTier, null));

        Assert.Equal(codes, decision.Codes);
        Assert.Equal(details, decision.Reasons.Select(r => r.Detail));
        Assert.All(decision.Reasons, r => Assert.Equal("tier", r.Field));
    }

    [Theory]
    [InlineData(AgentTier.Strategic)]
    [InlineData(AgentTier.Tier1)]
    [InlineData(AgentTier.Tier2)]
    public void A_vendor_signed_agent_without_sub_agents_may_take_any_tier(AgentTier tier)
    {
        Assert.True(HierarchyRules.DecideChange(DemoAgents.CoreSz(), null, [], new AgentChange(tier, null)).IsAllowed);
    }

    [Theory]
    [InlineData(new[] { "440100" }, new string?[0])]
    [InlineData(new[] { "440100", "440300" }, new string?[0])] // grows inside SP-SOUTH
    [InlineData(new[] { "440104", "440106" }, new string?[0])] // shrinks to exactly its sub-agents'
    [InlineData(new[] { "440106" }, new[] { "T2-YUEXIU" })] // leaves Yuexiu's district out
    [InlineData(new[] { "440100", "430100" }, new[] { "430100" })] // reaches outside SP-SOUTH
    [InlineData(new[] { "110000" }, new[] { "110000", "T1-TIANHE", "T2-YUEXIU" })]
    public void A_new_territory_stays_inside_the_parents_and_around_the_sub_agents(string[] territory, string?[] offenders)
    {
        var decision = Change("CORE-GZ", new AgentChange(null, territory.Select(RegionCode.Parse).ToList()));

        Assert.Equal(offenders, decision.Reasons.Select(r => r.Detail));
        Assert.All(decision.Reasons, r => Assert.Equal(ReasonCode.TerritoryNotWithinParent, r.Code));
    }

    [Fact]
    public void An_entry_outside_the_parent_points_at_its_index_and_a_sub_agent_left_outside_at_the_territory()
    {
        var decision = Change("CORE-GZ", new AgentChange(null, [RegionCode.Parse("440100"), RegionCode.Parse("430100")]));
        var shrunk = Change("CORE-GZ", new AgentChange(null, [RegionCode.Parse("440106")]));

        Assert.Equal("territory[1]", Assert.Single(decision.Reasons).Field);
        Assert.Equal("territory", Assert.Single(shrunk.Reasons).Field);
    }

    [Fact]
    public void A_strategic_partner_shrinking_away_from_its_sub_agent_is_refused()
    {
        var decision = Change("SP-SOUTH", new AgentChange(null, [RegionCode.Parse("450000")]));

        Assert.Equal([new Reason(ReasonCode.TerritoryNotWithinParent, "territory", "CORE-GZ")], decision.Reasons);
    }

    [Fact]
    public void A_territory_cannot_be_emptied()
    {
        var decision = HierarchyRules.DecideChange(DemoAgents.CoreSz(), null, [], new AgentChange(null, []));

        Assert.Equal([new Reason(ReasonCode.Required, "territory")], decision.Reasons);
    }

    [Fact]
    public void Tier_and_territory_changed_together_report_both()
    {
        var decision = Change("T1-TIANHE", new AgentChange(AgentTier.Core, [RegionCode.Parse("440300")]));

        Assert.Equal([ReasonCode.RecruitTierTooHigh, ReasonCode.TerritoryNotWithinParent], decision.Codes);
    }

    private static Decision Change(string code, AgentChange change)
    {
        AgentSnapshot[] tree = [DemoAgents.SpSouth(), DemoAgents.CoreGz(), DemoAgents.T1Tianhe(), DemoAgents.T2Yuexiu()];
        var agent = tree.Single(a => a.Code == code);
        var parent = tree.SingleOrDefault(a => a.Id == agent.ParentId);
        var children = tree.Where(a => a.ParentId == agent.Id).ToList();
        return HierarchyRules.DecideChange(agent, parent, children, change);
    }
}
