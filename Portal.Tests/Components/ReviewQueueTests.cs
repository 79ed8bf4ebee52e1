using Bunit;
using Microsoft.EntityFrameworkCore;
using Portal.Data.Identity;
using Portal.Domain.Agents;
using Portal.Domain.Customers;
using Portal.Features;
using Portal.Features.Authorizations;
using Portal.Features.Deals;
using Portal.Features.Recruitment;
using Portal.Features.Review;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Components;

/// <summary>The review queue's cross-region and application tabs, rendered with the real services on a real database.</summary>
public sealed class ReviewQueueTests : PortalTestContext, IClassFixture<PortalAppFixture>
{
    private readonly PortalAppFactory _app;
    private readonly List<DecisionMessage> _messages = [];

    public ReviewQueueTests(PortalAppFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        _app = fixture.App;

        UseApp(_app, typeof(AuthorizationDirectory), typeof(CrossRegionAuthorizationService), typeof(AgentApplications), typeof(DealQueries), typeof(DealReviewService), typeof(BusinessClock), typeof(Portal.Features.Review.ReviewContextQueries));

        AddAuthorization().SetAuthorized("manager@channels.local").SetRoles(PortalRoles.ChannelManager);
    }

    [Fact]
    public async Task A_cross_region_request_is_rejected_only_with_a_reason_and_then_leaves_the_queue()
    {
        var requestId = await RequestCrossRegionAsync();
        var tab = Render<AuthorizationReviewTab>(p => p.Add(x => x.OnDecided, m => _messages.Add(m)));
        var row = $"[data-review-authorization='{requestId}']";
        tab.WaitForElement(row);

        await tab.Find($"{row} [data-action='Reject']").ClickAsync(new());
        await tab.Find("[data-testid='decision-confirm']").ClickAsync(new());

        tab.WaitForAssertion(() => Assert.Contains("(REQUIRED)", NoteText(tab), StringComparison.Ordinal));
        Assert.Empty(_messages);

        tab.Find("[data-testid='decision-note'] textarea, textarea[data-testid='decision-note']").Input("深圳已有核心代理覆盖该客户。");
        await tab.Find("[data-testid='decision-confirm']").ClickAsync(new());

        tab.WaitForAssertion(() => Assert.Empty(tab.FindAll(row)));
        var message = Assert.Single(_messages);
        Assert.False(message.IsError);
        Assert.Contains("已驳回 CORE-GZ", message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sub_agent_application_is_signed_for_the_contract_period_and_leaves_the_queue()
    {
        var agentId = await ApplyForSubAgentAsync();
        var tab = Render<ApplicationReviewTab>(p => p.Add(x => x.OnDecided, m => _messages.Add(m)));
        var row = $"[data-review-application='{agentId}']";
        tab.WaitForElement(row);

        await tab.Find($"{row} [data-action='Approve']").ClickAsync(new());
        tab.WaitForElement("[data-testid='contract-end']");
        Assert.Empty(tab.FindAll("[data-testid='decision-note']"));
        await tab.Find("[data-testid='decision-confirm']").ClickAsync(new());

        tab.WaitForAssertion(() => Assert.Empty(tab.FindAll(row)));
        var message = Assert.Single(_messages);
        Assert.False(message.IsError, message.Text);
        await using var db = await _app.CreateContextAsync();
        var agent = await db.Agents.SingleAsync(a => a.Id == agentId);
        Assert.Equal(ContractStatus.Active, agent.Status);
        Assert.NotNull(agent.ContractEnd);
    }

    [Fact]
    public async Task An_application_shows_everything_the_applicant_gave_with_its_territory_against_the_recruiters()
    {
        var agentId = await ApplyForSubAgentAsync();
        var tab = Render<ApplicationReviewTab>(p => p.Add(x => x.OnDecided, m => _messages.Add(m)));
        var row = $"[data-review-application='{agentId}']";
        tab.WaitForElement(row);

        await tab.Find($"{row} [data-action='Details']").ClickAsync(new());

        var detail = tab.WaitForElement("[data-testid='application-detail']");
        Assert.Equal("T1-REVIEW", detail.QuerySelector("[data-field='code']")!.TextContent.Trim());
        Assert.Equal("广州天河审核测试代理有限公司", detail.QuerySelector("[data-field='legalName']")!.TextContent.Trim());
        Assert.Equal(Uscc.Create('9', '1', "440106", "MA5RE701").Value, detail.QuerySelector("[data-field='uscc']")!.TextContent.Trim());
        Assert.Equal("一级代理", detail.QuerySelector("[data-field='tier']")!.TextContent.Trim());
        Assert.Contains("CORE-GZ 广州核心代理", detail.QuerySelector("[data-field='parent']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("核心代理", detail.QuerySelector("[data-field='parent']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("广州市 (440100)", detail.QuerySelector("[data-field='parentTerritory']")!.TextContent, StringComparison.Ordinal);
        var region = detail.QuerySelector("[data-region='440106']")!;
        Assert.Equal("true", region.GetAttribute("data-within"));
        Assert.Contains("天河区", region.TextContent, StringComparison.Ordinal);
        Assert.Equal("陈明 · 13800000000 · review@example.com", detail.QuerySelector("[data-field='contacts']")!.TextContent.Trim());
        Assert.False(string.IsNullOrWhiteSpace(detail.QuerySelector("[data-field='submittedAt']")!.TextContent));
    }

    private static string NoteText(IRenderedComponent<AuthorizationReviewTab> tab) =>
        tab.Find("[data-testid='decision-note'] textarea, textarea[data-testid='decision-note']").Closest(".mud-input-control")!.TextContent;

    private async Task<int> RequestCrossRegionAsync()
    {
        var gz = await TestUsers.ForAsync(_app, "gz@channels.local");
        var today = TestTime.Today;
        await using var scope = _app.Services.CreateAsyncScope();
        var requested = await scope.ServiceProvider.GetRequiredService<CrossRegionAuthorizationService>().RequestAsync(gz, new AuthorizationRequestInput
        {
            RegionCode = "440300",
            ValidFrom = today.AddDays(1),
            ValidUntil = today.AddDays(30),
            Reason = "客户总部在深圳，需要跨区服务",
        });
        Assert.True(requested.Succeeded, requested.ToString());
        return requested.Value.Id;
    }

    private async Task<int> ApplyForSubAgentAsync()
    {
        var gz = await TestUsers.ForAsync(_app, "gz@channels.local");
        await using var scope = _app.Services.CreateAsyncScope();
        var recruited = await scope.ServiceProvider.GetRequiredService<AgentRecruitment>().RecruitAsync(gz, new NewAgentInput
        {
            Code = "T1-REVIEW",
            LegalName = "广州天河审核测试代理有限公司",
            Uscc = Uscc.Create('9', '1', "440106", "MA5RE701").Value,
            Tier = AgentTier.Tier1,
            Territory = ["440106"],
            ContactName = "陈明",
            ContactPhone = "13800000000",
            ContactEmail = "review@example.com",
        });
        Assert.True(recruited.Succeeded, recruited.ToString());
        return recruited.Value.Id;
    }
}
