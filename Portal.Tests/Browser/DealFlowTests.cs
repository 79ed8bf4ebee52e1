using Microsoft.Playwright;
using Portal.Tests.Deals;

namespace Portal.Tests.Browser;

[Collection(BrowserTests.Name)]
public sealed class DealFlowTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Tianhe_registers_a_new_customer_and_yuexiu_finds_it_protected_without_learning_by_whom()
    {
        var uscc = DealInputs.NewUscc("440106", 7001);
        var tianhe = await fixture.NewPageAsync();
        await tianhe.SignInAsync("tianhe@channels.local");
        await tianhe.WaitForInteractiveAsync();
        await tianhe.GotoAsync("/deals/new");
        await tianhe.WaitForInteractiveAsync();

        await FillRegistrationAsync(tianhe, uscc, "广州天河浏览器测试科技有限公司");
        await Assertions.Expect(tianhe.Locator("[data-testid='availability']")).ToHaveAttributeAsync("data-available", "true");
        await tianhe.ScreenshotAsync("reseller-register-deal-zh");
        await tianhe.ClickAsync("[data-testid='register-submit']");

        var result = tianhe.Locator("[data-testid='registration-result']");
        await Assertions.Expect(result).ToHaveAttributeAsync("data-status", "Approved");
        await Assertions.Expect(result).ToContainTextAsync("受您保护至");
        await tianhe.ScreenshotAsync("reseller-registration-approved-zh");

        var yuexiu = await fixture.NewPageAsync();
        await yuexiu.SignInAsync("yuexiu@channels.local");
        await yuexiu.WaitForInteractiveAsync();
        await yuexiu.GotoAsync("/deals/new");
        await yuexiu.WaitForInteractiveAsync();
        await FillRegistrationAsync(yuexiu, uscc, "广州天河浏览器测试科技有限公司");

        var availability = yuexiu.Locator("[data-testid='availability']");
        await Assertions.Expect(availability).ToHaveAttributeAsync("data-available", "false");
        await Assertions.Expect(availability).ToContainTextAsync("已受其他代理商保护");
        await yuexiu.ClickAsync("[data-testid='register-submit']");
        var refusal = yuexiu.Locator("[data-testid='registration-result']");
        await Assertions.Expect(refusal).ToHaveAttributeAsync("data-status", "Rejected");
        await Assertions.Expect(refusal.Locator("[data-reason='CUSTOMER_PROTECTED']")).ToBeVisibleAsync();
        var text = await refusal.InnerTextAsync();
        Assert.DoesNotContain("天河一级代理", text, StringComparison.Ordinal);
        Assert.DoesNotContain("T1-TIANHE", text, StringComparison.Ordinal);
        await yuexiu.ScreenshotAsync("reseller-registration-refused-zh");
    }

    [Fact]
    public async Task A_reseller_typing_another_agents_deal_url_sees_not_found()
    {
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("yuexiu@channels.local");
        await page.WaitForInteractiveAsync();

        await page.GotoAsync("/deals/1"); // T1-TIANHE's demo deal: a sibling's
        await page.WaitForInteractiveAsync();

        await Assertions.Expect(page.Locator("[data-testid='not-found']")).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("[data-testid='deal-customer']").CountAsync());
    }

    internal static async Task FillRegistrationAsync(IPage page, string uscc, string name, string district = "天河区")
    {
        await page.Locator("[data-testid='uscc'] input, input[data-testid='uscc']").First.FillAsync(uscc);
        await page.GetByLabel("企业名称").FillAsync(name);
        await page.ChooseByTypingAsync("region-province", "广东省");
        await page.ChooseByTypingAsync("region-city", "广州市");
        await page.ChooseByTypingAsync("region-district", district);
        await ChooseAsync(page, "line-sku", "OIS-PRO");
        await Assertions.Expect(page.Locator("[data-testid='line-purchase']")).Not.ToHaveTextAsync("—");
    }

    internal static async Task ChooseAsync(IPage page, string testId, string option)
    {
        await page.Locator($"[data-testid='{testId}']").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = option }).First.ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }
}
