using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Tests.Deals;

namespace Portal.Tests.Browser;

/// <summary>The region fields of the registration form in a real browser: by keyboard alone, and through a Chinese input method.</summary>
[Collection(BrowserTests.Name)]
public sealed class RegionFieldTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Tianhe_chooses_the_customers_region_by_keyboard_alone()
    {
        var uscc = DealInputs.NewUscc("440106", 7002);
        var page = await OpenRegistrationAsync();
        await page.Locator("[data-testid='uscc'] input, input[data-testid='uscc']").First.FillAsync(uscc);
        await page.GetByLabel("企业名称").FillAsync("广州天河键盘测试科技有限公司");
        var province = page.GetByRole(AriaRole.Combobox, new() { Name = "省份", Exact = true });
        var city = page.GetByRole(AriaRole.Combobox, new() { Name = "城市", Exact = true });
        var district = page.GetByRole(AriaRole.Combobox, new() { Name = "区县（可选）", Exact = true });

        await province.FocusAsync();
        await page.TypeAndChooseAsync(province, "gd", "广东省");
        await Assertions.Expect(city).ToBeEnabledAsync();
        await page.Keyboard.PressAsync("Tab");
        await page.TypeAndChooseAsync(city, "gz", "广州市");
        await Assertions.Expect(district).ToBeEnabledAsync();
        await page.Keyboard.PressAsync("Tab");
        await page.TypeAndChooseAsync(district, "th", "天河区");
        await page.ScreenshotAsync("reseller-region-by-keyboard-zh");

        await DealFlowTests.ChooseAsync(page, "line-sku", "OIS-PRO");
        await page.ClickAsync("[data-testid='register-submit']");

        await Assertions.Expect(page.Locator("[data-testid='registration-result']")).ToHaveAttributeAsync("data-status", "Approved");
        await using var db = await fixture.App.CreateContextAsync();
        Assert.Equal("440106", (await db.Customers.SingleAsync(c => c.Uscc == uscc)).RegionCode);
    }

    [Fact]
    public async Task Pinyin_still_being_composed_by_an_input_method_already_finds_the_city()
    {
        var page = await OpenRegistrationAsync();
        await page.ChooseByTypingAsync("region-province", "广东省");
        var city = page.Locator("input[data-testid='region-city']");
        await city.FocusAsync();

        // What a pinyin input method does: it shows the letters typed so far in the field, then commits the characters.
        var ime = await page.Context.NewCDPSessionAsync(page);
        await ime.SendAsync("Input.imeSetComposition", new Dictionary<string, object> { ["text"] = "guang'zhou", ["selectionStart"] = 10, ["selectionEnd"] = 10 });
        await Assertions.Expect(page.HighlightedOption()).ToHaveTextAsync("广州市");
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(1);
        await ime.SendAsync("Input.insertText", new Dictionary<string, object> { ["text"] = "广州" });
        await Assertions.Expect(city).ToHaveValueAsync("广州");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(city).ToHaveValueAsync("广州市");
    }

    private async Task<IPage> OpenRegistrationAsync()
    {
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("tianhe@channels.local");
        await page.WaitForInteractiveAsync();
        await page.GotoAsync("/deals/new");
        await page.WaitForInteractiveAsync();
        return page;
    }
}
