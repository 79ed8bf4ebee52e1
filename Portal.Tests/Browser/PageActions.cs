using Microsoft.Playwright;
using Portal.Data.Seed;

namespace Portal.Tests.Browser;

/// <summary>What a person does on the portal, in the words of the tests.</summary>
public static class PageActions
{
    public static async Task SignInAsync(this IPage page, string email, string password = DemoData.Password)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("[data-testid='signin-submit']");
    }

    /// <summary>Waits until the Blazor circuit is connected, so clicks reach the server.</summary>
    public static Task WaitForInteractiveAsync(this IPage page) =>
        page.Locator("[data-interactive='true']").WaitForAsync();

    /// <summary>
    /// Waits until the page is what its user sees: connected (pages of the portal's layout) and done loading what it
    /// shows (no request in flight, no progress bar).
    /// </summary>
    public static async Task WaitForSettledAsync(this IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.Locator("[data-interactive='false']").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        await page.Locator(".mud-progress-linear, .mud-table-loading").First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Hidden });
    }

    public static Task ScreenshotAsync(this IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, name + ".png"), FullPage = true });
}
