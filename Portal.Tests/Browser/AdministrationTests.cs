using Microsoft.Playwright;

namespace Portal.Tests.Browser;

[Collection(BrowserTests.Name)]
public sealed class AdministrationTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_admin_creates_a_reseller_account_which_then_signs_in()
    {
        var page = await fixture.NewPageAsync(locale: "en");
        await page.SignInAsync("admin@channels.local");
        await page.WaitForInteractiveAsync();
        await page.GotoAsync("/admin/users");
        await page.WaitForInteractiveAsync();

        await page.ClickAsync("[data-testid='user-new']");
        var form = page.Locator("[data-testid='new-user-form']");
        await form.GetByLabel("Email").FillAsync("li.lei@tianhe.example.cn");
        await form.GetByLabel("Name").FillAsync("李雷");
        await form.GetByLabel("Initial password").FillAsync("Start#2026x");
        await form.GetByLabel("Agent code (resellers)").FillAsync("T1-TIANHE");
        await page.ClickAsync("[data-testid='new-user-submit']");

        await page.Locator("[data-testid='users-message']").WaitForAsync();
        await Assertions.Expect(page.Locator("[data-testid='users-table']")).ToContainTextAsync("li.lei@tianhe.example.cn");
        await page.ScreenshotAsync("admin-users-en");

        var newcomer = await fixture.NewPageAsync(locale: "en");
        await newcomer.SignInAsync("li.lei@tianhe.example.cn", "Start#2026x");
        await newcomer.WaitForInteractiveAsync();
        await Assertions.Expect(newcomer.Locator("[data-testid='user-role']")).ToHaveTextAsync("Reseller · T1-TIANHE");
    }

    [Fact]
    public async Task Compliance_verifies_the_audit_chain()
    {
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("compliance@channels.local");
        await page.WaitForInteractiveAsync();
        await page.GotoAsync("/audit");
        await page.WaitForInteractiveAsync();

        await page.ClickAsync("[data-testid='audit-verify']");

        var verification = page.Locator("[data-testid='audit-verification']");
        await Assertions.Expect(verification).ToContainTextAsync("审计链完整");
        Assert.Equal(64, (await page.Locator("[data-testid='audit-head']").InnerTextAsync()).Length);
        await page.ScreenshotAsync("compliance-audit-zh");
    }

    [Fact]
    public async Task The_manager_filters_the_agents_grid()
    {
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("manager@channels.local");
        await page.WaitForInteractiveAsync();
        await page.GotoAsync("/agents");
        await page.WaitForInteractiveAsync();
        var grid = page.Locator("[data-testid='agents-grid']");
        await Assertions.Expect(grid).ToContainTextAsync("T2-YUEXIU");

        await page.GetByLabel("搜索编码或名称").FillAsync("广州");

        await Assertions.Expect(grid).Not.ToContainTextAsync("CORE-SZ");
        await Assertions.Expect(grid).ToContainTextAsync("CORE-GZ");
        await page.ScreenshotAsync("manager-agents-zh");
    }

    [Fact]
    public async Task A_reseller_sees_its_own_purchase_prices()
    {
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("tianhe@channels.local");
        await page.WaitForInteractiveAsync();
        await page.GotoAsync("/prices");
        await page.WaitForInteractiveAsync();

        await Assertions.Expect(page.Locator("[data-testid='price-list'] [data-sku-price='OIS-STD']")).ToHaveTextAsync("¥1,980.00");
        await Assertions.Expect(page.Locator("[data-testid='price-list'] [data-sku-purchase='OIS-STD']")).ToHaveTextAsync("¥1,386.00");
        await page.ScreenshotAsync("reseller-prices-zh");
    }
}
