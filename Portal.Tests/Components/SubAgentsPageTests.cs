using Bunit;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using Portal.Domain.Agents;
using Portal.Features;
using Portal.Features.Agents;
using Portal.Features.Recruitment;
using Portal.Tests.Deals;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Components;

/// <summary>The sub-agents page and its recruit form, rendered with the real services on a real database.</summary>
public sealed class SubAgentsPageTests : PortalTestContext, IClassFixture<PortalAppFixture>
{
    private readonly PortalAppFactory _app;

    public SubAgentsPageTests(PortalAppFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        _app = fixture.App;

        UseApp(_app, typeof(AgentDetails), typeof(AgentRecruitment), typeof(ReferenceData));
    }

    [Fact]
    public async Task A_tier_1_reseller_is_told_why_and_gets_no_recruit_form()
    {
        await SignInAsync("T1-TIANHE");

        var page = Render<SubAgents>();

        page.WaitForAssertion(() => Assert.Contains("只有核心代理及战略合作伙伴可以发展下级代理。", page.Find("[data-testid='recruit-not-allowed']").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid='recruit-form']"));
        Assert.Empty(page.FindAll("[data-testid='sub-agent-tree']"));
    }

    [Fact]
    public async Task A_core_reseller_sees_its_sub_agents_and_may_offer_only_lower_tiers()
    {
        await SignInAsync("CORE-GZ");

        var page = Render<SubAgents>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-agent='T1-TIANHE']")));
        Assert.NotEmpty(page.FindAll("[data-agent='T2-YUEXIU']"));
        Assert.Equal("1", page.Find("[data-agent='T1-TIANHE']").GetAttribute("data-depth"));
        var tiers = page.FindComponent<MudSelect<AgentTier?>>().FindComponents<MudSelectItem<AgentTier?>>().Select(i => i.Instance.Value).ToList();
        Assert.Equal([AgentTier.Tier1, AgentTier.Tier2], tiers);
    }

    [Fact]
    public async Task A_territory_outside_the_recruiters_is_refused_next_to_that_region()
    {
        await SignInAsync("CORE-GZ");
        var page = Render<SubAgents>();
        page.WaitForElement("[data-testid='recruit-form']");

        page.Find("[data-testid='recruit-code'] input, input[data-testid='recruit-code']").Change("T1-FUTIAN");
        page.Find("[data-testid='recruit-name'] input, input[data-testid='recruit-name']").Change("深圳福田测试代理有限公司");
        page.Find("[data-testid='recruit-uscc'] input, input[data-testid='recruit-uscc']").Input(DealInputs.NewUscc("440300", 8101));
        var tier = page.FindComponent<MudSelect<AgentTier?>>();
        await page.InvokeAsync(() => tier.Instance.ValueChanged.InvokeAsync(AgentTier.Tier1));
        await ChooseRegionAsync(page, "440000", "440300");
        await page.Find("[data-testid='territory-add']").ClickAsync(new());

        await page.Find("[data-testid='recruit-submit']").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains(
            "下级代理的授权区域必须在上级代理的区域之内：与 440300 冲突。 (TERRITORY_NOT_WITHIN_PARENT)",
            page.Find("[data-territory='440300'] [data-field-error='territory[0]']").TextContent,
            StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid='recruit-applied']"));
        await using var db = await _app.CreateContextAsync();
        Assert.False(await db.Agents.AnyAsync(a => a.Code == "T1-FUTIAN"));
    }

    [Fact]
    public async Task A_mistyped_credit_code_is_explained_as_it_is_typed()
    {
        await SignInAsync("CORE-GZ");
        var page = Render<SubAgents>();
        page.WaitForElement("[data-testid='recruit-form']");

        page.Find("[data-testid='recruit-uscc'] input, input[data-testid='recruit-uscc']").Input("91440300708461136U");

        page.WaitForAssertion(() => Assert.Contains("最后一位校验码不正确", page.Find("[data-testid='recruit-form']").TextContent, StringComparison.Ordinal));
    }

    private Task SignInAsync(string agentCode) => SignInAsResellerAsync(_app, agentCode);
}
