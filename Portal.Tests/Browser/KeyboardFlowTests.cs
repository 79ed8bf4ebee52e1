using Microsoft.Playwright;
using Portal.Data.Seed;
using Portal.Domain.Deals;
using Portal.Features.Deals;
using Portal.Tests.Deals;

namespace Portal.Tests.Browser;

/// <summary>
/// The flows people live in, by keyboard alone: signing in and skipping to the content, registering a deal (a refused
/// submit puts focus on the field to correct), and deciding a registration in the review queue (the decision panel
/// takes focus, cancelling gives it back, confirming lands on the announced outcome). Every stop shows its focus.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class KeyboardFlowTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_reseller_signs_in_and_skips_to_the_content_by_keyboard()
    {
        var page = await fixture.NewPageAsync();

        await SignInByKeyboardAsync(page, "tianhe@channels.local");
        await page.Keyboard.PressAsync("Tab");
        await page.ExpectFocusInAsync("[data-testid='skip-link']");
        Assert.True(await page.FocusShowsAsync());
        Assert.True(await page.Locator("[data-testid='skip-link']").IsVisibleAsync());
        await page.Keyboard.PressAsync("Enter");
        await page.ExpectFocusInAsync("main#main");

        // On a page with controls, the next Tab lands on the first of them, past the app bar and the menu.
        await page.GotoAsync("/deals");
        await page.WaitForInteractiveAsync();
        await SkipToContentAsync(page);
        await page.Keyboard.PressAsync("Tab");
        await page.ExpectFocusInAsync("main");
    }

    [Fact]
    public async Task A_reseller_registers_a_deal_by_keyboard_and_a_refusal_puts_focus_on_the_field_to_correct()
    {
        var page = await fixture.NewPageAsync();
        await SignInByKeyboardAsync(page, "tianhe@channels.local");
        await page.GotoAsync("/deals/new");
        await page.WaitForInteractiveAsync();
        await SkipToContentAsync(page);

        await page.TabToAsync("[data-testid='register-submit']");
        Assert.True(await page.FocusShowsAsync());
        await page.Keyboard.PressAsync("Enter");
        await page.ExpectFocusInAsync("[data-testid='uscc']");

        await page.Keyboard.TypeAsync(DealInputs.NewUscc("440106", 7201));
        await page.TabToAsync("[data-testid='customer-name'] input, input[data-testid='customer-name']");
        await page.Keyboard.TypeAsync("广州天河云杉数据服务有限公司");
        await page.Keyboard.PressAsync("Tab");
        await page.TypeAndChooseAsync(page.Locator("input[data-testid='region-province']"), "gd", "广东省");
        await page.Keyboard.PressAsync("Tab");
        await page.TypeAndChooseAsync(page.Locator("input[data-testid='region-city']"), "gz", "广州市");
        await page.Keyboard.PressAsync("Tab");
        await page.TypeAndChooseAsync(page.Locator("input[data-testid='region-district']"), "th", "天河区");
        await page.TabToAsync("[data-testid='line-sku']");
        await page.ChooseInSelectByKeyboardAsync("OIS-PRO");
        await Assertions.Expect(page.Locator("[data-testid='line-sku']")).ToContainTextAsync("OIS-PRO");
        await page.TabToAsync("[data-testid='register-submit']");
        await page.Keyboard.PressAsync("Enter");

        var outcome = page.Locator("[data-testid='registration-result']");
        await Assertions.Expect(outcome).ToHaveAttributeAsync("data-status", "Approved");
        await page.ExpectFocusInAsync("[data-testid='registration-result']");
        await page.ScreenshotAsync("keyboard-registration-zh");
    }

    [Fact]
    public async Task A_manager_approves_a_held_registration_by_keyboard()
    {
        var held = await HeldRegistrationAsync();
        var page = await fixture.NewPageAsync();
        await SignInByKeyboardAsync(page, "manager@channels.local");
        await page.GotoAsync("/review");
        await page.WaitForInteractiveAsync();
        await SkipToContentAsync(page);
        var approve = $"[data-review-deal='{held}'] [data-action='Approve']";
        var reject = $"[data-review-deal='{held}'] [data-action='Reject']";

        // Opened and cancelled: focus goes into the panel, then back to the button that opened it.
        await page.TabToAsync(reject, most: 60);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("[data-testid='decision-form']")).ToBeVisibleAsync();
        await page.ExpectFocusInAsync("[data-testid='decision-form']");
        await page.TabToAsync("[data-testid='decision-cancel']");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("[data-testid='decision-form']")).ToHaveCountAsync(0);
        await page.ExpectFocusInAsync(reject);

        // Approved: the panel takes the note, and focus lands on the outcome the page announces.
        await page.Keyboard.PressAsync("Shift+Tab");
        await page.ExpectFocusInAsync(approve);
        Assert.True(await page.FocusShowsAsync());
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("[data-testid='decision-form']")).ToBeVisibleAsync();
        await page.ExpectFocusInAsync("[data-testid='decision-note']");
        await page.Keyboard.TypeAsync("已核实：与现有客户为不同法人。");
        await page.TabToAsync("[data-testid='decision-confirm']");
        await page.Keyboard.PressAsync("Enter");

        var message = page.Locator("[data-testid='review-message']");
        await Assertions.Expect(message).ToContainTextAsync($"#{held}");
        await page.ExpectFocusInAsync("[data-testid='review-message']");
        Assert.Equal("status", await message.GetAttributeAsync("role"));
    }

    [Fact]
    public async Task The_audit_log_scrolls_by_keyboard_on_a_narrow_screen()
    {
        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(720, 860);
        await SignInByKeyboardAsync(page, "compliance@channels.local");
        await page.GotoAsync("/audit");
        await page.WaitForSettledAsync();
        var region = page.Locator("[data-testid='audit-region']");
        Assert.True(await region.EvaluateAsync<bool>("r => r.scrollWidth > r.clientWidth"), "the log fits; nothing to scroll");

        await SkipToContentAsync(page);
        await page.TabToAsync("[data-testid='audit-region']");
        Assert.True(await page.FocusShowsAsync());
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("ArrowRight");

        await page.WaitForFunctionAsync("() => document.querySelector(\"[data-testid='audit-region']\").scrollLeft > 0");
    }

    private static async Task SignInByKeyboardAsync(IPage page, string email)
    {
        await page.GotoAsync("/account/login");
        await page.TabToAsync("#email");
        await page.Keyboard.TypeAsync(email);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(DemoData.Password);
        await page.TabToAsync("[data-testid='signin-submit']");
        Assert.True(await page.FocusShowsAsync());
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForInteractiveAsync();
    }

    private static async Task SkipToContentAsync(IPage page)
    {
        await page.Keyboard.PressAsync("Tab");
        await page.ExpectFocusInAsync("[data-testid='skip-link']");
        await page.Keyboard.PressAsync("Enter");
        await page.ExpectFocusInAsync("main#main");
    }

    // A registration held for the manager's review: the same name in the same city as a customer another agent holds.
    private async Task<int> HeldRegistrationAsync()
    {
        var registrations = fixture.App.Service<DealRegistrationService>();
        var first = await registrations.RegisterAsync(await fixture.App.UserAsync("gz@channels.local"), DealInputs.Registration(DealInputs.NewUscc("440104", 7203), "广州越秀松柏键盘审核有限公司", "440104"));
        var held = await registrations.RegisterAsync(await fixture.App.UserAsync("yuexiu@channels.local"), DealInputs.Registration(DealInputs.NewUscc("440104", 7204), "广州越秀松柏键盘审核有限责任公司", "440104"));
        Assert.Equal(DealStatus.Approved, first.Value?.Status);
        Assert.Equal(DealStatus.PendingReview, held.Value?.Status);
        return held.Value!.Id;
    }
}
