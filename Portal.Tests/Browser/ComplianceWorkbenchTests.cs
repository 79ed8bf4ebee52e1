using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Domain.Agents;
using Portal.Domain.Common;
using Portal.Domain.Compliance;
using Portal.Features.Deals;
using Portal.Tests.Deals;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Browser;

/// <summary>
/// The compliance workbench in the browser, in both languages: a discount sale detected automatically is worked by a
/// compliance officer to a suspension; the suspended agent's reseller sees the case, cannot register, appeals; the
/// penalty is lifted and the agent is active again. A screenshot of the case page at each step.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class ComplianceWorkbenchTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("zh-CN", 7401)]
    [InlineData("en", 7402)]
    public async Task A_detected_discount_sale_is_worked_to_a_suspension_that_the_agents_appeal_lifts(string locale, int customer)
    {
        var suffix = locale == "en" ? "en" : "zh";
        var caseId = await DetectedCaseAgainstCoreBjAsync(customer);
        var compliance = await fixture.NewPageAsync(locale);
        await compliance.SignInAsync("compliance@channels.local");
        await compliance.WaitForInteractiveAsync();
        await compliance.GotoAsync($"/cases/{caseId}");
        await compliance.WaitForInteractiveAsync();
        await Assertions.Expect(compliance.Locator("[data-testid='case-description']")).ToContainTextAsync(locale == "en" ? "below the uniform national price" : "低于全国统一售价");

        // Reported: the only step of the machine is to investigate.
        await Assertions.Expect(compliance.Locator("[data-action='Confirm']")).ToHaveCountAsync(0);
        await TakeAsync(compliance, "StartInvestigation", CaseState.UnderInvestigation);
        await compliance.ScreenshotAsync($"case-investigating-{suffix}");

        await compliance.ClickAsync("[data-action='Confirm']");
        await compliance.Locator("textarea[data-testid='case-text'], [data-testid='case-text'] textarea").FillAsync(locale == "en" ? "The sales report shows the price." : "销售报告价格属实。");
        await compliance.ClickAsync("[data-testid='action-confirm']");
        await ExpectStateAsync(compliance, CaseState.Confirmed);
        await compliance.ScreenshotAsync($"case-confirmed-{suffix}");

        // The penalty: the ladder says Warning; a Suspension is harsher and needs a reason.
        await compliance.ClickAsync("[data-action='Penalize']");
        await Assertions.Expect(compliance.Locator("[data-testid='penalty-minimum']")).ToBeVisibleAsync();
        await compliance.ClickAsync("[data-testid='penalty-kind']");
        await compliance.Locator(".mud-popover-open .mud-list-item", new() { HasText = locale == "en" ? "Suspension" : "暂停" }).ClickAsync();
        await compliance.ClickAsync("[data-testid='penalty-submit']");
        await Assertions.Expect(compliance.Locator("[data-testid='case-action-form']")).ToContainTextAsync("REASON_REQUIRED");
        await compliance.Locator("textarea[data-testid='penalty-reason'], [data-testid='penalty-reason'] textarea").FillAsync(locale == "en" ? "Repeated discounting in Beijing." : "在北京多次打折销售。");
        await compliance.ClickAsync("[data-testid='penalty-submit']");
        await ExpectStateAsync(compliance, CaseState.Penalized);
        await compliance.ScreenshotAsync($"case-penalized-{suffix}");
        Assert.Equal(ContractStatus.Suspended, await StatusOfCoreBjAsync());

        // The agent's side: its reseller sees the case, cannot register, and appeals.
        var blocked = await fixture.App.Services.GetRequiredService<DealRegistrationService>()
            .RegisterAsync(await TestUsers.ForAsync(fixture.App, "bj@channels.local"), DealInputs.Registration(DealInputs.NewUscc("110105", customer + 10), $"北京停牌测试{customer}科技有限公司", "110105"));
        Assert.Contains(ReasonCode.AgentNotActive, blocked.Value!.Reasons.Select(r => r.Code));
        var reseller = await fixture.NewPageAsync(locale);
        await reseller.SignInAsync("bj@channels.local");
        await reseller.WaitForInteractiveAsync();
        await reseller.GotoAsync("/compliance");
        await reseller.WaitForInteractiveAsync();
        await reseller.Locator($"[data-case='{caseId}']").ClickAsync();
        await reseller.WaitForInteractiveAsync();
        await Assertions.Expect(reseller.Locator("[data-testid='case-penalty']")).ToBeVisibleAsync();
        await reseller.ClickAsync("[data-action='Appeal']");
        await reseller.Locator("textarea[data-testid='case-text'], [data-testid='case-text'] textarea").FillAsync(locale == "en" ? "The price was a one-off clearance approved by phone." : "该价格为电话确认的清仓特价。");
        await reseller.ClickAsync("[data-testid='action-confirm']");
        await ExpectStateAsync(reseller, CaseState.Appealed);
        await reseller.ScreenshotAsync($"case-appealed-by-reseller-{suffix}");

        // Compliance lifts the penalty: the agent is reinstated.
        await compliance.ReloadAsync();
        await compliance.WaitForInteractiveAsync();
        await compliance.ClickAsync("[data-action='LiftPenalty']");
        await compliance.Locator("textarea[data-testid='case-text'], [data-testid='case-text'] textarea").FillAsync(locale == "en" ? "Confirmed with the vendor's sales team." : "已与厂商销售团队核实。");
        await compliance.ClickAsync("[data-testid='action-confirm']");
        await ExpectStateAsync(compliance, CaseState.Closed);
        await Assertions.Expect(compliance.Locator("[data-testid='case-penalty']")).ToContainTextAsync(locale == "en" ? "Lifted on appeal" : "申诉后撤销");
        await compliance.ScreenshotAsync($"case-lifted-{suffix}");
        Assert.Equal(ContractStatus.Active, await StatusOfCoreBjAsync());
    }

    private static async Task TakeAsync(IPage page, string action, CaseState expected)
    {
        await page.ClickAsync($"[data-action='{action}']");
        await page.ClickAsync("[data-testid='action-confirm']");
        await ExpectStateAsync(page, expected);
    }

    private static Task ExpectStateAsync(IPage page, CaseState state) =>
        Assertions.Expect(page.Locator("[data-testid='case-state']")).ToHaveAttributeAsync("data-state", state.ToString());

    private async Task<ContractStatus> StatusOfCoreBjAsync()
    {
        await using var db = await fixture.App.CreateContextAsync();
        return await db.Agents.Where(a => a.Code == "CORE-BJ").Select(a => a.Status).SingleAsync();
    }

    // CORE-BJ registers a Beijing customer and reports its sale below the uniform price: a DiscountSelling case opens.
    private async Task<int> DetectedCaseAgainstCoreBjAsync(int customer)
    {
        var bj = await TestUsers.ForAsync(fixture.App, "bj@channels.local");
        var registered = await fixture.App.Services.GetRequiredService<DealRegistrationService>()
            .RegisterAsync(bj, DealInputs.Registration(DealInputs.NewUscc("110105", customer), $"北京朝阳违规测试{customer}科技有限公司", "110105"));
        Assert.True(registered.Succeeded, registered.ToString());
        var sale = await fixture.App.Services.GetRequiredService<DealLifecycleService>()
            .ReportSaleAsync(bj, registered.Value.Id, DealInputs.Sale("OIS-PRO", 10, 2980.00m));
        Assert.True(sale.Succeeded, sale.ToString());
        return Assert.Single(sale.Value!.OpenedCaseIds);
    }
}
