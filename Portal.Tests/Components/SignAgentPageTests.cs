using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using Portal.Data.Identity;
using Portal.Domain.Agents;
using Portal.Features;
using Portal.Features.Agents;
using Portal.Features.Recruitment;
using Portal.Tests.Deals;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Components;

/// <summary>The channel manager's direct-signing page with the real services on a real database.</summary>
public sealed class SignAgentPageTests : PortalTestContext, IClassFixture<PortalAppFixture>
{
    private readonly PortalAppFactory _app;

    public SignAgentPageTests(PortalAppFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        _app = fixture.App;
        UseApp(_app, typeof(AgentRecruitment), typeof(AgentDirectory), typeof(ReferenceData));
        AddAuthorization().SetAuthorized("manager@channels.local").SetRoles(PortalRoles.ChannelManager);
    }

    [Fact]
    public void A_mistyped_credit_code_is_explained_with_the_rules_sentence_as_it_is_typed()
    {
        var page = Render<SignAgent>();

        page.Find("[data-testid='sign-uscc'] input, input[data-testid='sign-uscc']").Input("91440300708461136U");

        page.WaitForAssertion(() =>
        {
            var text = page.Find("[data-testid='sign-form']").TextContent;
            Assert.Contains("最后一位校验码不正确", text, StringComparison.Ordinal);
            Assert.Contains("统一社会信用代码无效（格式或校验位不正确）。 (INVALID_USCC)", text, StringComparison.Ordinal);
        });
        page.Find("[data-testid='sign-uscc'] input, input[data-testid='sign-uscc']").Input(DealInputs.NewUscc("440300", 7510));
        page.WaitForAssertion(() => Assert.DoesNotContain("INVALID_USCC", page.Find("[data-testid='sign-form']").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_tier_not_below_the_chosen_parents_is_refused_on_the_tier_field_and_nothing_is_signed()
    {
        var page = Render<SignAgent>();
        await FillAsync(page, "CORE-HZ", DealInputs.NewUscc("440100", 7511), AgentTier.Core);
        var parent = page.FindComponent<MudAutocomplete<AgentRow>>();
        var coreGz = await RowAsync("CORE-GZ");
        await page.InvokeAsync(() => parent.Instance.ValueChanged.InvokeAsync(coreGz));

        await page.Find("[data-testid='sign-submit']").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("(RECRUIT_TIER_TOO_HIGH)", page.Find("[data-testid='sign-form']").TextContent, StringComparison.Ordinal));
        Assert.Contains(Localized("Reason_RECRUIT_TIER_TOO_HIGH") + " (RECRUIT_TIER_TOO_HIGH)", page.FindAll(".mud-input-error").Select(e => e.ParentElement!.TextContent).FirstOrDefault(t => t.Contains("RECRUIT", StringComparison.Ordinal)), StringComparison.Ordinal);
        await using var db = await _app.CreateContextAsync();
        Assert.False(await db.Agents.AnyAsync(a => a.Code == "CORE-HZ"));
    }

    [Fact]
    public async Task A_signed_agent_opens_its_own_page()
    {
        var page = Render<SignAgent>();
        await FillAsync(page, "T1-HUADU", DealInputs.NewUscc("440114", 7512), AgentTier.Tier1);

        await page.Find("[data-testid='sign-submit']").ClickAsync(new());

        var navigation = Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.EndsWith("/agents/T1-HUADU", navigation.Uri, StringComparison.Ordinal));
        await using var db = await _app.CreateContextAsync();
        var agent = await db.Agents.SingleAsync(a => a.Code == "T1-HUADU");
        Assert.Equal((ContractStatus.Active, (int?)null), (agent.Status, agent.ParentId));
    }

    private static async Task FillAsync(IRenderedComponent<SignAgent> page, string code, string uscc, AgentTier tier)
    {
        page.Find("[data-testid='sign-code'] input, input[data-testid='sign-code']").Change(code);
        page.Find("[data-testid='sign-name'] input, input[data-testid='sign-name']").Change(code + " 测试代理有限公司");
        page.Find("[data-testid='sign-uscc'] input, input[data-testid='sign-uscc']").Input(uscc);
        var select = page.FindComponent<MudSelect<AgentTier?>>();
        await page.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(tier));
        await ChooseRegionAsync(page, "440000", "440100");
        await page.Find("[data-testid='territory-add']").ClickAsync(new());
    }

    private async Task<AgentRow> RowAsync(string code)
    {
        await using var db = await _app.CreateContextAsync();
        var agent = await db.Agents.SingleAsync(a => a.Code == code);
        return new AgentRow(agent.Id, agent.Code, agent.LegalName, agent.Tier, agent.Status, null, [], agent.ContractEnd);
    }
}
