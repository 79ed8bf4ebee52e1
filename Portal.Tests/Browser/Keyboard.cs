using Microsoft.Playwright;

namespace Portal.Tests.Browser;

/// <summary>What a keyboard user does and sees: Tab to a control, and where focus is and whether it shows.</summary>
public static class Keyboard
{
    /// <summary>Presses Tab until the focused element matches <paramref name="selector"/>; fails after <paramref name="most"/> presses.</summary>
    public static async Task TabToAsync(this IPage page, string selector, int most = 40)
    {
        ArgumentNullException.ThrowIfNull(page);
        for (var presses = 0; presses < most; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector))
            {
                return;
            }
        }

        Assert.Fail($"{most} presses of Tab never reached {selector}; focus is on {await page.FocusedAsync()}");
    }

    /// <summary>
    /// In the focused select: opens its list with ArrowDown, moves down until the highlighted option contains
    /// <paramref name="option"/>, and chooses it with Enter.
    /// </summary>
    public static async Task ChooseInSelectByKeyboardAsync(this IPage page, string option, int most = 20)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Locator(".mud-popover-open .mud-list-item").First.WaitForAsync();
        string? previous = null;
        for (var presses = 0; presses < most; presses++)
        {
            // MudSelect marks the option the arrows are on with mud-selected-item (aria-selected is the current value).
            // Each press is answered by the server: wait for the highlight to move before judging it or pressing again.
            var highlighted = await page.WaitForFunctionAsync(
                "previous => { const e = document.querySelector('.mud-popover-open .mud-list-item.mud-selected-item'); return e && e.innerText !== previous ? e.innerText : null; }",
                previous);
            var text = await highlighted.JsonValueAsync<string>();
            if (text.Contains(option, StringComparison.Ordinal))
            {
                await page.Keyboard.PressAsync("Enter");
                return;
            }

            previous = text;
            await page.Keyboard.PressAsync("ArrowDown");
        }

        Assert.Fail($"{option} was never highlighted in the open list");
    }

    /// <summary>The focused element, described for a failure message.</summary>
    public static Task<string> FocusedAsync(this IPage page) =>
        page.EvaluateAsync<string>("() => { const e = document.activeElement; return e ? `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}.${e.className} ${e.getAttribute('data-testid') ?? ''} [${e.getAttribute('aria-label') ?? ''}] \"${(e.textContent ?? '').trim().slice(0, 40)}\" in ${e.parentElement?.className ?? ''}` : 'nothing'; }");

    /// <summary>
    /// Waits until the focused element matches <paramref name="selector"/> or lies inside an element that does (the
    /// portal moves focus after a round trip to the server); fails with where focus is instead.
    /// </summary>
    public static async Task ExpectFocusInAsync(this IPage page, string selector)
    {
        ArgumentNullException.ThrowIfNull(page);
        try
        {
            await page.WaitForFunctionAsync("s => document.activeElement?.closest(s) !== null", selector, new PageWaitForFunctionOptions { Timeout = 5_000 });
        }
        catch (TimeoutException)
        {
            Assert.Fail($"Focus never reached {selector}; it is on {await page.FocusedAsync()}");
        }
    }

    /// <summary>Whether the focused element draws a focus ring a sighted keyboard user can see.</summary>
    public static Task<bool> FocusShowsAsync(this IPage page) =>
        page.EvaluateAsync<bool>("() => { const s = getComputedStyle(document.activeElement); return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2; }");
}
