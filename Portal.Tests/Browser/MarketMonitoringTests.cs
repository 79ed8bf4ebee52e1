using Microsoft.Playwright;
using Portal.Features.Deals;
using Portal.Tests.Deals;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Browser;

[Collection(BrowserTests.Name)]
public sealed class MarketMonitoringTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_sale_below_the_uniform_price_reported_in_the_browser_reaches_compliance_as_a_case()
    {
        var tianhe = await TestUsers.ForAsync(fixture.App, "tianhe@channels.local");
        var registered = await fixture.App.Services.GetRequiredService<DealRegistrationService>()
            .RegisterAsync(tianhe, DealInputs.Registration(DealInputs.NewUscc("440106", 7102), "广州天河低价成交测试有限公司", "440106"));
        Assert.True(registered.Succeeded, registered.ToString());
        var reseller = await fixture.NewPageAsync();
        await reseller.SignInAsync("tianhe@channels.local");
        await reseller.WaitForInteractiveAsync();
        await reseller.GotoAsync($"/deals/{registered.Value.Id}");
        await reseller.WaitForInteractiveAsync();

        await reseller.ClickAsync("[data-action='ReportSale']");
        await reseller.Locator("[data-testid='sale-unit-price'] input, input[data-testid='sale-unit-price']").First.FillAsync("3000");
        await reseller.ClickAsync("[data-testid='sale-submit']");

        await Assertions.Expect(reseller.Locator("[data-status='Won']").First).ToBeVisibleAsync();
        await reseller.ScreenshotAsync("reseller-deal-won-zh");

        var compliance = await fixture.NewPageAsync();
        await compliance.SignInAsync("compliance@channels.local");
        await compliance.WaitForInteractiveAsync();
        await compliance.GotoAsync("/cases");
        await compliance.WaitForInteractiveAsync();
        var grid = compliance.Locator("[data-testid='cases-grid']");
        await Assertions.Expect(grid.Locator("[data-case-type='DiscountSelling']").First).ToBeVisibleAsync();
        await Assertions.Expect(grid).ToContainTextAsync("T1-TIANHE");
        await compliance.ScreenshotAsync("compliance-cases-zh");

        await grid.Locator("[data-case]").First.ClickAsync();
        await Assertions.Expect(compliance.Locator("[data-testid='case-type']")).ToHaveTextAsync("打折销售");
        await compliance.ScreenshotAsync("compliance-case-detail-zh");
    }

    [Fact]
    public async Task Anyone_can_file_a_violation_report_without_signing_in()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.ClickAsync("[data-testid='report-link']");

        await page.FillAsync("#subject", "CORE-SZ");
        await page.FillAsync("#description", "在广州天河区以低于全国统一售价的价格向客户报价。");
        await page.ClickAsync("[data-testid='report-submit']");

        await Assertions.Expect(page.Locator("[data-testid='report-filed']")).ToContainTextAsync("已立案");
        await page.ScreenshotAsync("public-report-zh");
    }
}
