using System.Globalization;
using Microsoft.Playwright;

namespace Portal.Tests.Browser;

/// <summary>The dashboards in the browser: a figure opens the list filtered to it, whose rows are the figure; each role's in both languages.</summary>
[Collection(BrowserTests.Name)]
public sealed class DashboardTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task A_manager_clicks_a_figure_and_lands_on_the_list_filtered_to_it_with_as_many_rows(string locale)
    {
        var page = await fixture.NewPageAsync(locale);
        await page.SignInAsync("manager@channels.local");
        await page.WaitForInteractiveAsync();
        var figure = page.Locator("[data-chart='Dash_AgentsByTier'] a[href='/agents?tier=Core&status=Active']");
        var value = int.Parse(await figure.GetAttributeAsync("data-value") ?? "-1", CultureInfo.InvariantCulture);
        Assert.True(value > 0);

        await figure.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync("**/agents?tier=Core&status=Active");
        await page.WaitForSettledAsync();
        await Assertions.Expect(page.Locator("[data-testid='agents-grid'] [data-agent]")).ToHaveCountAsync(value);
        await page.ScreenshotAsync($"dashboard-figure-agents-{locale}");

        await page.GoBackAsync();
        var active = page.Locator("[data-headline='Dash_ActiveAgents']");
        var activeCount = int.Parse(await active.GetAttributeAsync("data-value") ?? "-1", CultureInfo.InvariantCulture);
        await active.ClickAsync();
        await page.WaitForURLAsync("**/agents?status=Active");
        await page.WaitForSettledAsync();
        await Assertions.Expect(page.Locator("[data-testid='agents-grid'] [data-agent]")).ToHaveCountAsync(activeCount);
    }

    [Theory]
    [InlineData("manager@channels.local", "zh-CN", "每周报备（按结果）")]
    [InlineData("manager@channels.local", "en", "Registrations per week, by outcome")]
    [InlineData("manager.gd@channels.local", "zh-CN", "代理商（按级别和合同状态）")]
    [InlineData("compliance@channels.local", "zh-CN", "未结案件（按已立案天数）")]
    [InlineData("compliance@channels.local", "en", "Open cases by age")]
    [InlineData("gz@channels.local", "zh-CN", "我的报备（按状态）")]
    [InlineData("gz@channels.local", "en", "My deals by status")]
    [InlineData("admin@channels.local", "zh-CN", "用户")]
    [InlineData("admin@channels.local", "en", "User accounts")]
    public async Task Each_roles_dashboard_reads_in_both_languages(string email, string locale, string shown)
    {
        var page = await fixture.NewPageAsync(locale);
        await page.SignInAsync(email);
        await page.WaitForInteractiveAsync();

        await Assertions.Expect(page.Locator("[data-testid='dashboard']")).ToContainTextAsync(shown);
        await page.ScreenshotAsync($"dashboard-{email.Split('@')[0]}-{locale}");
    }
}
