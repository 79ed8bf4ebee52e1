using Bunit;
using Portal.Data.Identity;
using Portal.Domain.Deals;
using Portal.Features;
using Portal.Features.Deals;
using Portal.Localization;
using Portal.Tests.Deals;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Components;

/// <summary>A channel manager cancels a deal from its page's action panel: a reason is required, and the outcome is said in full.</summary>
public sealed class DealCancellationTests : PortalTestContext, IClassFixture<PortalAppFixture>
{
    private readonly PortalAppFactory _app;

    public DealCancellationTests(PortalAppFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        _app = fixture.App;
        UseApp(_app, typeof(DealQueries), typeof(DealLifecycleService), typeof(DealReviewService), typeof(BusinessClock));
        AddAuthorization().SetAuthorized("manager@channels.local").SetRoles(PortalRoles.ChannelManager);
    }

    [Theory]
    [InlineData(PortalCultures.Chinese, 7790)]
    [InlineData(PortalCultures.English, 7791)]
    public async Task A_manager_cancels_an_approved_deal_only_with_a_reason(string culture, int number)
    {
        UseCulture(culture);
        var registered = await _app.Service<DealRegistrationService>().RegisterAsync(
            await _app.UserAsync("tianhe@channels.local"), DealInputs.Registration(DealInputs.NewUscc("440106", number), $"广州取消表单测试{number}有限公司", "440106"));
        var deal = (await _app.Service<DealQueries>().GetAsync(await _app.UserAsync("manager@channels.local"), registered.Value!.Id))!;
        (string Message, bool IsError)? said = null;
        var panel = Render<DealActionsPanel>(p => p.Add(x => x.Deal, deal).Add(x => x.OnChanged, () => { }).Add(x => x.OnMessage, m => said = m));

        panel.Find("[data-action='Cancel']").Click();
        panel.Find("[data-testid='action-confirm']").Click();
        panel.WaitForAssertion(() => Assert.Contains("REQUIRED", panel.Find("[data-testid='deal-actions']").TextContent, StringComparison.Ordinal));
        Assert.Null(said);

        panel.Find("textarea[data-testid='action-note'], [data-testid='action-note'] textarea").Change("客户撤回采购意向。");
        panel.Find("[data-testid='action-confirm']").Click();

        panel.WaitForAssertion(() => Assert.NotNull(said));
        Assert.False(said!.Value.IsError);
        Assert.Contains(deal.Customer.LegalName, said.Value.Message, StringComparison.Ordinal);
        Assert.Equal(DealStatus.Cancelled, (await _app.Service<DealQueries>().GetAsync(await _app.UserAsync("manager@channels.local"), deal.Id))!.Status);
    }
}
