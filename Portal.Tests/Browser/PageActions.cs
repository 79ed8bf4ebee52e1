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

    /// <summary>
    /// Chooses <paramref name="option"/> in a type-to-filter field (a region field) by keyboard: focuses its input,
    /// types <paramref name="typed"/> (the option itself by default) and presses Enter on the option.
    /// </summary>
    public static async Task ChooseByTypingAsync(this IPage page, string testId, string option, string? typed = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        var field = page.Locator($"input[data-testid='{testId}']");

        // Focus is the active page's: a page opened earlier in the run may still hold it.
        await page.BringToFrontAsync();
        await field.FocusAsync();
        await page.TypeAndChooseAsync(field, typed ?? option, option);
    }

    /// <summary>
    /// In the focused type-to-filter <paramref name="field"/>: types <paramref name="typed"/>, waits until the list
    /// highlights <paramref name="option"/>, as a person would look, and presses Enter; the field then shows the option.
    /// </summary>
    public static async Task TypeAndChooseAsync(this IPage page, ILocator field, string typed, string option)
    {
        ArgumentNullException.ThrowIfNull(page);
        await Assertions.Expect(field).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(typed);
        await Assertions.Expect(page.HighlightedOption()).ToHaveTextAsync(option);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(field).ToHaveValueAsync(option);
        // The list closes once the choice has made its round trip to the circuit, which a busy machine can delay.
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0, new LocatorAssertionsToHaveCountOptions { Timeout = 15_000 });
    }

    /// <summary>The option that Enter would choose in the open list of a type-to-filter field.</summary>
    public static ILocator HighlightedOption(this IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.Locator(".mud-popover-open .mud-list-item[aria-selected='true']");
    }

    public static Task ScreenshotAsync(this IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, name + ".png"), FullPage = true });
}
