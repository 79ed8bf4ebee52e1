using System.Globalization;
using Microsoft.Playwright;

namespace Portal.Tests.Browser;

/// <summary>
/// A channel manager publishes a price list version for a later day (in Chinese) and sees it scheduled with its
/// coverage; a reseller (in English) sees the banner on every page until it acknowledges the version for its agent.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class PriceVersionTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_future_version_is_published_scheduled_and_acknowledged_by_a_reseller()
    {
        var manager = await fixture.NewPageAsync("zh-CN");
        await manager.SignInAsync("manager@channels.local");
        await manager.WaitForInteractiveAsync();
        await manager.GotoAsync("/prices");
        await manager.WaitForInteractiveAsync();
        await manager.ClickAsync("[data-testid='prices-publish']");
        await manager.WaitForInteractiveAsync();

        var day = Builders.TestTime.Today.AddDays(45);
        await manager.ClickAsync("[data-testid='publish-later']");
        await manager.Locator("input[data-testid='publish-from'], [data-testid='publish-from'] input").FillAsync(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00");
        await manager.Locator("input[data-testid='publish-price-OIS-STD'], [data-testid='publish-price-OIS-STD'] input").FillAsync("2080");
        await Assertions.Expect(manager.Locator("[data-preview='OIS-STD'] [data-tier='Core']")).ToContainTextAsync("¥1,248.00");
        await manager.Locator("textarea[data-testid='publish-note'], [data-testid='publish-note'] textarea").FillAsync("标准版调价。");
        await manager.ScreenshotAsync("manager-price-publish-zh");
        await manager.ClickAsync("[data-testid='publish-submit']");

        await Assertions.Expect(manager.Locator("[data-testid='version-published']")).ToContainTextAsync(day.ToString("yyyy/M/d", CultureInfo.InvariantCulture));
        await Assertions.Expect(manager.Locator("[data-testid='version-title']")).ToContainTextAsync("第");
        await Assertions.Expect(manager.Locator("[data-state='Scheduled']").First).ToBeVisibleAsync();
        await Assertions.Expect(manager.Locator("[data-missing='CORE-GZ']")).ToBeVisibleAsync();
        var number = (await manager.Locator("[data-testid='version-title']").TextContentAsync())!.Where(char.IsDigit).ToArray();
        await manager.ScreenshotAsync("manager-price-version-zh");

        var reseller = await fixture.NewPageAsync("en");
        await reseller.SignInAsync("gz@channels.local");
        await reseller.WaitForInteractiveAsync();
        await Assertions.Expect(reseller.Locator("[data-testid='price-version-banner']")).ToContainTextAsync($"version {new string(number)}");
        await reseller.ClickAsync("[data-testid='price-version-banner-open']");
        await reseller.WaitForInteractiveAsync();
        await Assertions.Expect(reseller.Locator("[data-testid='price-version-banner']")).ToHaveCountAsync(0);
        await Assertions.Expect(reseller.Locator("[data-testid='prices-scheduled']").Last).ToContainTextAsync("2,080.00");
        await reseller.ScreenshotAsync("reseller-price-scheduled-en");
        await reseller.ClickAsync("[data-testid='prices-acknowledge']");

        await Assertions.Expect(reseller.Locator("[data-testid='prices-message']")).ToContainTextAsync("acknowledged");
        await Assertions.Expect(reseller.Locator("[data-testid='prices-acknowledge-panel']")).ToHaveCountAsync(0);
        await reseller.GotoAsync("/");
        await reseller.WaitForInteractiveAsync();
        await Assertions.Expect(reseller.Locator("[data-testid='price-version-banner']")).ToHaveCountAsync(0);

        await manager.ReloadAsync();
        await manager.WaitForInteractiveAsync();
        await Assertions.Expect(manager.Locator("[data-missing='CORE-GZ']")).ToHaveCountAsync(0);
        await Assertions.Expect(manager.Locator("[data-missing='CORE-SZ']")).ToBeVisibleAsync();
    }
}
