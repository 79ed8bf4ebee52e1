using Microsoft.Playwright;

namespace Portal.Tests.Browser;

/// <summary>
/// The seeded regional manager (manager.gd@channels.local, scoped to 440000) in both languages: its header names its
/// region, the agents grid holds Guangdong's agents only, and a Beijing agent's page does not exist for it (ADR 26).
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class RegionalManagerTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task The_guangdong_manager_sees_only_guangdongs_agents(string locale)
    {
        var page = await fixture.NewPageAsync(locale);
        await page.SignInAsync("manager.gd@channels.local");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("[data-testid='user-role']")).ToContainTextAsync(locale == "en" ? "Guangdong" : "广东省");

        await page.GotoAsync("/agents");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("[data-agent='CORE-GZ']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-agent='SP-SOUTH']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-agent='CORE-BJ']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-agent='T1-SH']")).ToHaveCountAsync(0);
        await page.ScreenshotAsync($"regional-manager-agents-{(locale == "en" ? "en" : "zh")}");

        await page.GotoAsync("/agents/CORE-BJ");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("[data-testid='not-found']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid='agent-title']")).ToHaveCountAsync(0);
    }
}
