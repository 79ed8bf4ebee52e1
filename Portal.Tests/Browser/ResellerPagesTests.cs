using Microsoft.Playwright;

namespace Portal.Tests.Browser;

/// <summary>The reseller's own workspace: customers it protects, cross-region requests, its sub-agents.</summary>
[Collection(BrowserTests.Name)]
public sealed class ResellerPagesTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Gz_requests_a_cross_region_authorization_for_shenzhen_and_sees_it_requested()
    {
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("gz@channels.local");
        await page.WaitForInteractiveAsync();
        await page.GotoAsync("/authorizations");
        await page.WaitForInteractiveAsync();

        await page.ChooseByTypingAsync("region-province", "广东省");
        await page.ChooseByTypingAsync("region-city", "深圳市", typed: "sz");
        await page.Locator("[data-testid='authz-reason'] textarea, textarea[data-testid='authz-reason']").First.FillAsync("深圳客户总部在南山，需跨区跟进项目实施。");
        await page.ScreenshotAsync("reseller-authorization-request-zh");
        await page.ClickAsync("[data-testid='authz-submit']");

        var requested = page.Locator("[data-testid='authorization-requested']");
        await Assertions.Expect(requested).ToBeVisibleAsync();
        var id = await requested.GetAttributeAsync("data-id");
        var row = page.Locator($"[data-authorization='{id}'] [data-status]");
        await Assertions.Expect(row).ToHaveAttributeAsync("data-status", "Requested");
        await Assertions.Expect(row).ToHaveTextAsync("待审批");
        await Assertions.Expect(page.Locator("[data-testid='authorizations-grid']")).ToContainTextAsync("深圳市");
        await page.ScreenshotAsync("reseller-authorizations-zh");
    }

    [Fact]
    public async Task Gz_sees_its_sub_agents_in_the_tree()
    {
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("gz@channels.local");
        await page.WaitForInteractiveAsync();
        await page.GotoAsync("/sub-agents");
        await page.WaitForInteractiveAsync();

        var tree = page.Locator("[data-testid='sub-agent-tree']");
        await Assertions.Expect(tree.Locator("[data-agent='CORE-GZ']")).ToBeVisibleAsync();
        await Assertions.Expect(tree.Locator("[data-agent='T1-TIANHE']")).ToContainTextAsync("一级代理");
        await Assertions.Expect(tree.Locator("[data-agent='T2-YUEXIU']")).ToContainTextAsync("二级代理");
        await Assertions.Expect(page.Locator("[data-testid='recruit-form']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-nav='SubAgents']")).ToBeVisibleAsync();
        await page.ScreenshotAsync("reseller-sub-agents-zh");
    }

    [Fact]
    public async Task Tianhe_sees_its_protected_customer_and_no_sub_agents_menu()
    {
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("tianhe@channels.local");
        await page.WaitForInteractiveAsync();
        await page.GotoAsync("/customers");
        await page.WaitForInteractiveAsync();

        var grid = page.Locator("[data-testid='customers-grid']");
        await Assertions.Expect(grid).ToContainTextAsync("广州天河软件园科技有限公司");
        await Assertions.Expect(grid.Locator("[data-holder='T1-TIANHE']").First).ToBeVisibleAsync();
        await Assertions.Expect(grid).Not.ToContainTextAsync("广州越秀文化传媒有限公司");
        await Assertions.Expect(page.Locator("[data-nav='Customers']")).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("[data-nav='SubAgents']").CountAsync());
        await page.ScreenshotAsync("reseller-customers-zh");
    }
}
