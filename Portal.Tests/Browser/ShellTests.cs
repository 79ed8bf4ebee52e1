using Microsoft.Playwright;

namespace Portal.Tests.Browser;

[Collection(BrowserTests.Name)]
public sealed class ShellTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_manager_signs_in_and_sees_the_channel_overview()
    {
        var page = await fixture.NewPageAsync();

        await page.SignInAsync("manager@channels.local");
        await page.WaitForInteractiveAsync();

        Assert.Equal("渠道概览", await page.Locator("[data-testid='dashboard-title']").InnerTextAsync());
        Assert.Equal("ChannelManager", await page.Locator("[data-testid='dashboard']").GetAttributeAsync("data-role"));
        Assert.Contains("7", await page.Locator("[data-headline='Dash_ActiveAgents']").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("渠道经理", await page.Locator("[data-testid='user-role']").InnerTextAsync());
        await page.ScreenshotAsync("manager-dashboard-zh");
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_clear_error()
    {
        var page = await fixture.NewPageAsync();

        await page.SignInAsync("sz@channels.local", "Wrong#2026");

        var error = page.Locator("[data-testid='signin-error']");
        await error.WaitForAsync();
        Assert.Contains("邮箱或密码不正确", await error.InnerTextAsync(), StringComparison.Ordinal);
        Assert.EndsWith("/account/login", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await page.ScreenshotAsync("sign-in-error-zh");
    }

    [Fact]
    public async Task The_user_switches_to_english_and_back()
    {
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("tianhe@channels.local");
        await page.WaitForInteractiveAsync();
        Assert.Equal("我的工作台", await page.Locator("[data-testid='dashboard-title']").InnerTextAsync());

        await SwitchLanguageAsync(page, "en");
        Assert.Equal("My workspace", await page.Locator("[data-testid='dashboard-title']").InnerTextAsync());
        Assert.Equal("Price list", (await page.Locator("[data-nav='PriceList']").InnerTextAsync()).Trim());
        await page.ScreenshotAsync("reseller-dashboard-en");

        await SwitchLanguageAsync(page, "zh-CN");
        Assert.Equal("我的工作台", await page.Locator("[data-testid='dashboard-title']").InnerTextAsync());
        Assert.Equal("价格表", (await page.Locator("[data-nav='PriceList']").InnerTextAsync()).Trim());
    }

    [Fact]
    public async Task A_reseller_typing_a_managers_page_is_refused()
    {
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("yuexiu@channels.local");
        await page.WaitForInteractiveAsync();

        await page.GotoAsync("/agents");
        await page.WaitForInteractiveAsync();

        await page.Locator("[data-testid='access-denied']").WaitForAsync();
        Assert.Equal(0, await page.Locator("[data-testid='agents-grid']").CountAsync());
    }

    [Theory]
    [InlineData("en", "A registration can be extended only once", "Draft")]
    [InlineData("zh-CN", "每个报备仅可申请一次延期", "草稿")]
    public async Task The_channel_rules_page_draws_and_tables_the_four_state_machines(string locale, string guard, string draft)
    {
        var page = await fixture.NewPageAsync(locale: locale);
        await page.SignInAsync("gz@channels.local");
        await page.WaitForInteractiveAsync();
        await page.GotoAsync("/rules");
        await page.WaitForInteractiveAsync();

        Assert.Equal(4, await page.Locator("[data-graph]").CountAsync());
        Assert.Equal(4, await page.Locator("[data-graph] svg[role='img'][data-diagram]").CountAsync());
        Assert.Contains(guard, await page.Locator("[data-graph='DealRegistration']").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(draft, await page.Locator("svg[data-diagram='DealRegistration'] [data-state='Draft'] text").TextContentAsync());
        Assert.Empty(await page.EvaluateAsync<string[]>(TextOutsideItsBox));
        await page.ScreenshotAsync($"rules-{locale}");
    }

    // Each state's name and each arrow's action, as the browser renders them in the portal's fonts, inside the box
    // drawn for it: the layout's estimate of text widths holds, and no text runs into another.
    private const string TextOutsideItsBox = """
        () => [...document.querySelectorAll('svg[data-diagram] g')].flatMap(g => {
            const box = g.querySelector('rect').getBoundingClientRect();
            return [...g.querySelectorAll('text')].map(t => t.getBoundingClientRect())
                .filter(r => r.left < box.left || r.right > box.right || r.top < box.top - 1 || r.bottom > box.bottom + 1)
                .map(() => `${g.closest('svg').dataset.diagram} ${g.dataset.state ?? g.dataset.edge}`);
        })
        """;

    private static async Task SwitchLanguageAsync(IPage page, string culture)
    {
        await page.Locator("[data-testid='language-switch'] button").ClickAsync();
        await page.Locator($".mud-popover-open [data-culture='{culture}']").ClickAsync();
        // The switch reloads the whole document; the new one declares its language on <html>.
        await page.Locator($"html[lang='{culture}']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.WaitForInteractiveAsync();
    }
}
