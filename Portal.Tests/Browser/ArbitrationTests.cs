using Microsoft.Playwright;
using Portal.Domain.Deals;
using Portal.Features.Deals;
using Portal.Tests.Deals;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Browser;

/// <summary>
/// The channel manager arbitrates (DESIGN.md §9), in both languages, on fresh customers (other tests rely on the demo
/// ones): from the customers grid to the customer's page, the protection moves from T1-TIANHE to CORE-GZ and the page
/// shows the new holder; and a registration held as a possible duplicate shows the customer it resembles.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class ArbitrationTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("zh-CN", 7750, "广州仲裁浏览器测试有限公司")]
    [InlineData("en", 7751, "Guangzhou Arbitration Browser Test Co., Ltd.")]
    public async Task The_manager_moves_a_customer_from_one_agent_to_another_and_sees_the_new_holder(string locale, int number, string name)
    {
        var uscc = DealInputs.NewUscc("440106", number);
        var registered = await RegisterAsync("tianhe@channels.local", uscc, name);
        Assert.Equal(DealStatus.Approved, registered.Status);
        var page = await fixture.NewPageAsync(locale);
        await page.SignInAsync("manager@channels.local");
        await page.WaitForInteractiveAsync();

        await page.GotoAsync("/customers");
        await page.WaitForInteractiveAsync();
        await page.Locator("input[data-testid='customers-search'], [data-testid='customers-search'] input").FillAsync(uscc);
        await page.Locator($"[data-customer-link='{uscc}']").ClickAsync();
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("[data-testid='customer-title']")).ToHaveTextAsync(name);
        await Assertions.Expect(page.Locator("[data-testid='customer-holder'] [data-holder='T1-TIANHE']")).ToBeVisibleAsync();

        await page.ClickAsync("[data-testid='arbitration'] [data-action='Transfer']");
        await page.ChooseByTypingAsync("arbitration-target", "CORE-GZ 广州核心代理", "CORE-GZ");
        await page.Locator("textarea[data-testid='arbitration-reason'], [data-testid='arbitration-reason'] textarea")
            .FillAsync(locale == "en" ? "The customer was developed by CORE-GZ." : "经核实，客户由广州核心代理开发。");
        var findings = (await page.WcagAaFindingsAsync()).Where(f => f.Impact is "serious" or "critical").Select(f => $"{f.Id}: {f.Help}").ToList();
        Assert.True(findings.Count == 0, string.Join(Environment.NewLine, findings));
        await page.ClickAsync("[data-testid='arbitration-confirm']");

        var message = page.Locator("[data-testid='customer-message']");
        await Assertions.Expect(message).ToContainTextAsync("CORE-GZ");
        await Assertions.Expect(page.Locator("[data-testid='customer-holder'] [data-holder='CORE-GZ']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid='customer-history'] [data-agent='T1-TIANHE']")).ToContainTextAsync(locale == "en" ? "transferred" : "已转移");
        await page.ScreenshotAsync($"manager-arbitration-{(locale == "en" ? "en" : "zh")}");

        await page.GotoAsync($"/deals/{registered.Id}");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator($"[data-status='{nameof(DealStatus.Cancelled)}']")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_registration_held_as_a_possible_duplicate_shows_the_manager_the_customer_it_resembles()
    {
        var existing = DealInputs.NewUscc("440106", 7760);
        Assert.Equal(DealStatus.Approved, (await RegisterAsync("tianhe@channels.local", existing, "广州仲裁疑似重复测试有限公司")).Status);
        var held = await RegisterAsync("gz@channels.local", DealInputs.NewUscc("440106", 7761), "广州仲裁疑似重复测试有限责任公司");
        Assert.Equal(DealStatus.PendingReview, held.Status);
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("manager@channels.local");
        await page.WaitForInteractiveAsync();

        await page.GotoAsync("/review");
        await page.WaitForInteractiveAsync();

        var why = page.Locator($"[data-held-deal='{held.Id}']");
        await Assertions.Expect(why.Locator("[data-held-reason='POSSIBLE_DUPLICATE']")).ToBeVisibleAsync();
        var resembles = why.Locator($"[data-resembles='{existing}']");
        await Assertions.Expect(resembles).ToContainTextAsync("广州仲裁疑似重复测试有限公司");
        await Assertions.Expect(resembles).ToContainTextAsync("T1-TIANHE");
        await page.ScreenshotAsync("manager-review-duplicate-zh");
    }

    private async Task<DealRegistered> RegisterAsync(string email, string uscc, string name)
    {
        var reseller = await TestUsers.ForAsync(fixture.App, email);
        var result = await fixture.App.Services.GetRequiredService<DealRegistrationService>().RegisterAsync(reseller, DealInputs.Registration(uscc, name, "440106"));
        Assert.True(result.Succeeded, result.ToString());
        return result.Value;
    }
}
