using Portal.Domain.Agents;
using Portal.Domain.Common;
using Portal.Domain.Recruitment;
using Portal.Domain.Regions;
using Portal.Tests.Builders;

namespace Portal.Tests.Rules;

/// <summary>Recruitment (DESIGN.md §2.2): only Core and above recruit, only lower tiers, only inside their territory.</summary>
public sealed class RecruitmentTests
{
    private static readonly string ValidUscc = CustomerBuilder.UsccIn("440106", "MA5NEW01").Value;

    /// <summary>Every recruiter tier against every recruit tier, inside the recruiter's territory.</summary>
    [Theory]
    [InlineData(AgentTier.Strategic, AgentTier.Strategic, new[] { ReasonCode.RecruitTierTooHigh })]
    [InlineData(AgentTier.Strategic, AgentTier.Core, new string[0])]
    [InlineData(AgentTier.Strategic, AgentTier.Tier1, new string[0])]
    [InlineData(AgentTier.Strategic, AgentTier.Tier2, new string[0])]
    [InlineData(AgentTier.Core, AgentTier.Strategic, new[] { ReasonCode.RecruitTierTooHigh })]
    [InlineData(AgentTier.Core, AgentTier.Core, new[] { ReasonCode.RecruitTierTooHigh })]
    [InlineData(AgentTier.Core, AgentTier.Tier1, new string[0])]
    [InlineData(AgentTier.Core, AgentTier.Tier2, new string[0])]
    [InlineData(AgentTier.Tier1, AgentTier.Strategic, new[] { ReasonCode.TierCannotRecruit, ReasonCode.RecruitTierTooHigh })]
    [InlineData(AgentTier.Tier1, AgentTier.Core, new[] { ReasonCode.TierCannotRecruit, ReasonCode.RecruitTierTooHigh })]
    [InlineData(AgentTier.Tier1, AgentTier.Tier1, new[] { ReasonCode.TierCannotRecruit, ReasonCode.RecruitTierTooHigh })]
    [InlineData(AgentTier.Tier1, AgentTier.Tier2, new[] { ReasonCode.TierCannotRecruit })]
    [InlineData(AgentTier.Tier2, AgentTier.Strategic, new[] { ReasonCode.TierCannotRecruit, ReasonCode.RecruitTierTooHigh })]
    [InlineData(AgentTier.Tier2, AgentTier.Core, new[] { ReasonCode.TierCannotRecruit, ReasonCode.RecruitTierTooHigh })]
    [InlineData(AgentTier.Tier2, AgentTier.Tier1, new[] { ReasonCode.TierCannotRecruit, ReasonCode.RecruitTierTooHigh })]
    [InlineData(AgentTier.Tier2, AgentTier.Tier2, new[] { ReasonCode.TierCannotRecruit, ReasonCode.RecruitTierTooHigh })]
    public void Only_core_agents_and_above_recruit_and_only_a_lower_tier(AgentTier recruiterTier, AgentTier recruitTier, string[] codes)
    {
        var recruiter = AgentBuilder.OfTier(recruiterTier).In("440100").Build();

        var decision = RecruitmentRules.Decide(recruiter, Recruit(recruitTier, "440106"));

        Assert.Equal(codes, decision.Codes);
    }

    [Theory]
    [InlineData(AgentTier.Strategic)]
    [InlineData(AgentTier.Core)]
    [InlineData(AgentTier.Tier1)]
    [InlineData(AgentTier.Tier2)]
    public void The_vendor_may_sign_an_agent_of_any_tier_anywhere(AgentTier tier)
    {
        Assert.True(RecruitmentRules.Decide(null, Recruit(tier, "110000", "440000")).IsAllowed);
    }

    [Theory]
    [InlineData(new[] { "440106" }, new string[0])]
    [InlineData(new[] { "440100" }, new string[0])] // the parent's whole territory
    [InlineData(new[] { "440106", "440104" }, new string[0])]
    [InlineData(new[] { "440305" }, new[] { "territory[0]" })]
    [InlineData(new[] { "440106", "440305" }, new[] { "territory[1]" })]
    [InlineData(new[] { "440000" }, new[] { "territory[0]" })] // larger than the parent's
    [InlineData(new[] { "110000", "440104", "310000" }, new[] { "territory[0]", "territory[2]" })]
    public void A_sub_agents_territory_lies_inside_its_recruiters(string[] territory, string[] offendingFields)
    {
        var decision = RecruitmentRules.Decide(DemoAgents.CoreGz(), Recruit(AgentTier.Tier1, territory));

        Assert.Equal(offendingFields, decision.Reasons.Select(r => r.Field));
        Assert.All(decision.Reasons, r => Assert.Equal(ReasonCode.TerritoryNotWithinParent, r.Code));
    }

    [Fact]
    public void The_region_outside_the_recruiters_territory_is_named_for_the_manager()
    {
        var decision = RecruitmentRules.Decide(DemoAgents.CoreGz(), Recruit(AgentTier.Tier1, "440305"));

        Assert.Equal("440305", Assert.Single(decision.Reasons).Detail);
    }

    [Fact]
    public void A_strategic_partner_recruits_across_its_provinces()
    {
        Assert.True(RecruitmentRules.Decide(DemoAgents.SpSouth(), Recruit(AgentTier.Core, "450100", "460100")).IsAllowed);
    }

    [Theory]
    [InlineData(ContractStatus.Suspended)]
    [InlineData(ContractStatus.Expired)]
    [InlineData(ContractStatus.Revoked)]
    [InlineData(ContractStatus.UnderReview)]
    public void Only_an_active_agent_may_recruit(ContractStatus status)
    {
        var decision = RecruitmentRules.Decide(DemoAgents.CoreGz(status), Recruit(AgentTier.Tier1, "440106"));

        Assert.Equal([ReasonCode.AgentNotActive], decision.Codes);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("91440300708461136U")]
    [InlineData("9144030070846113")]
    public void The_recruits_USCC_must_pass_its_check(string? uscc)
    {
        var byAgent = RecruitmentRules.Decide(DemoAgents.CoreGz(), Recruit(AgentTier.Tier1, "440106") with { Uscc = uscc });
        var byVendor = RecruitmentRules.Decide(null, Recruit(AgentTier.Tier1, "440106") with { Uscc = uscc });

        Assert.Equal([new Reason(ReasonCode.InvalidUscc, "uscc")], byAgent.Reasons);
        Assert.Equal([new Reason(ReasonCode.InvalidUscc, "uscc")], byVendor.Reasons);
    }

    [Fact]
    public void A_recruit_needs_a_territory()
    {
        var decision = RecruitmentRules.Decide(null, Recruit(AgentTier.Core));

        Assert.Equal([new Reason(ReasonCode.Required, "territory")], decision.Reasons);
    }

    [Fact]
    public void A_recruitment_breaking_every_rule_reports_every_reason()
    {
        var recruiter = AgentBuilder.Tier1().In("440106").Suspended().Build();

        var decision = RecruitmentRules.Decide(recruiter, Recruit(AgentTier.Core, "440305") with { Uscc = "bad" });

        Assert.Equal(
            [ReasonCode.InvalidUscc, ReasonCode.AgentNotActive, ReasonCode.TierCannotRecruit, ReasonCode.RecruitTierTooHigh, ReasonCode.TerritoryNotWithinParent],
            decision.Codes);
    }

    private static RecruitRequest Recruit(AgentTier tier, params string[] territory) =>
        new(ValidUscc, tier, territory.Select(RegionCode.Parse).ToList());
}
