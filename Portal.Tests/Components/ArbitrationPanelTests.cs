using Bunit;
using MudBlazor;
using Portal.Components.Common;
using Portal.Data.Identity;
using Portal.Features.Agents;
using Portal.Features.Customers;
using Portal.Features.Deals;
using Portal.Localization;
using Portal.Tests.Deals;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Components;

/// <summary>The customer page's arbitration form with the real services: refusals next to their field, the outcome said in full.</summary>
public sealed class ArbitrationPanelTests : PortalTestContext, IClassFixture<PortalAppFixture>
{
    private readonly PortalAppFactory _app;

    public ArbitrationPanelTests(PortalAppFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        _app = fixture.App;
        UseApp(_app, typeof(ProtectionArbitration), typeof(AgentDirectory));
        AddAuthorization().SetAuthorized("manager@channels.local").SetRoles(PortalRoles.ChannelManager);
    }

    [Theory]
    [InlineData(PortalCultures.Chinese, 7730)]
    [InlineData(PortalCultures.English, 7731)]
    public async Task A_transfer_out_of_territory_is_refused_on_the_target_and_a_transfer_in_territory_says_who_holds_it_now(string culture, int number)
    {
        UseCulture(culture);
        var customer = await HeldByTianheAsync(number);
        string? done = null;
        var panel = Render<ArbitrationPanel>(p => p.Add(c => c.Customer, customer).Add(c => c.OnDone, message => done = message));

        panel.Find("[data-action='Transfer']").Click();
        await ChooseAsync(panel, "CORE-BJ");
        panel.Find("textarea[data-testid='arbitration-reason'], [data-testid='arbitration-reason'] textarea").Change("转给北京核心代理。");
        panel.Find("[data-testid='arbitration-confirm']").Click();

        panel.WaitForAssertion(() => Assert.Contains("OUT_OF_TERRITORY", panel.Find("[data-testid='arbitration-form']").TextContent, StringComparison.Ordinal));
        Assert.Contains("CORE-BJ", panel.Find("[data-testid='arbitration-form']").TextContent, StringComparison.Ordinal);
        Assert.Null(done);

        await ChooseAsync(panel, "CORE-GZ");
        panel.Find("[data-testid='arbitration-confirm']").Click();

        panel.WaitForAssertion(() => Assert.NotNull(done));
        Assert.Contains("CORE-GZ", done, StringComparison.Ordinal);
        Assert.Contains("T1-TIANHE", done, StringComparison.Ordinal);
        Assert.Empty(panel.FindAll("[data-testid='arbitration-form']"));
    }

    [Fact]
    public async Task A_release_without_a_reason_is_refused_on_the_reason_field()
    {
        var customer = await HeldByTianheAsync(7732);
        var panel = Render<ArbitrationPanel>(p => p.Add(c => c.Customer, customer).Add(c => c.OnDone, _ => { }));

        panel.Find("[data-action='Release']").Click();
        panel.Find("[data-testid='arbitration-confirm']").Click();

        panel.WaitForAssertion(() => Assert.Contains("REQUIRED", panel.Find("[data-testid='arbitration-form']").TextContent, StringComparison.Ordinal));
        Assert.NotNull((await _app.Service<CustomerProtectionQueries>().GetAsync(await _app.UserAsync("manager@channels.local"), customer.Uscc))!.Holder);
    }

    [Fact]
    public async Task A_free_customer_offers_nothing_to_arbitrate_and_says_why()
    {
        var manager = await _app.UserAsync("manager@channels.local");
        var free = (await _app.Service<CustomerProtectionQueries>().GetAsync(manager, Portal.Data.Seed.DemoData.CustomerUscc(Portal.Data.Seed.DemoData.Customers[4]).Value))!;

        var panel = Render<ArbitrationPanel>(p => p.Add(c => c.Customer, free).Add(c => c.OnDone, _ => { }));

        Assert.True(panel.Find("[data-action='Transfer']").HasAttribute("disabled"));
        Assert.True(panel.Find("[data-action='Release']").HasAttribute("disabled"));
        Assert.NotEmpty(panel.Find("[data-testid='arbitration-free']").TextContent.Trim());
    }

    private async Task<CustomerProtectionView> HeldByTianheAsync(int number)
    {
        var uscc = DealInputs.NewUscc("440106", number);
        var registered = await _app.Service<DealRegistrationService>().RegisterAsync(await _app.UserAsync("tianhe@channels.local"), DealInputs.Registration(uscc, $"广州仲裁表单测试{number}有限公司", "440106"));
        Assert.True(registered.Succeeded, registered.ToString());
        return (await _app.Service<CustomerProtectionQueries>().GetAsync(await _app.UserAsync("manager@channels.local"), uscc))!;
    }

    // Picks the agent as the autocomplete would once the manager chose it from the list.
    private async Task ChooseAsync(IRenderedComponent<ArbitrationPanel> panel, string code)
    {
        var manager = await _app.UserAsync("manager@channels.local");
        var row = (await _app.Service<AgentDirectory>().SearchAsync(manager, new AgentFilter(code, null, null), new PageRequest(0, 5, null, false))).Items.Single(a => a.Code == code);
        var autocomplete = panel.FindComponent<MudAutocomplete<AgentRow>>();
        await panel.InvokeAsync(() => autocomplete.Instance.ValueChanged.InvokeAsync(row));
    }
}
