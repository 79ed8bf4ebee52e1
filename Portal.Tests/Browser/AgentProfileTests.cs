using Microsoft.Playwright;

namespace Portal.Tests.Browser;

/// <summary>
/// A channel manager on an agent's page, in both languages: reached from the agents grid, a demotion below a sub-agent's
/// tier is refused naming the sub-agent, and the agent keeps its tier.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class AgentProfileTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task A_demotion_below_a_sub_agent_is_refused_naming_it(string locale)
    {
        var page = await fixture.NewPageAsync(locale);
        await page.SignInAsync("manager@channels.local");
        await page.WaitForInteractiveAsync();
        await page.GotoAsync("/agents");
        await page.WaitForInteractiveAsync();
        await page.Locator("[data-agent='CORE-GZ']").ClickAsync();
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("[data-testid='agent-title']")).ToContainTextAsync("CORE-GZ");
        await Assertions.Expect(page.Locator("[data-testid='agent-children']")).ToContainTextAsync("T1-TIANHE");
        await Assertions.Expect(page.Locator("[data-testid='agent-customers']")).ToContainTextAsync("广州海珠智造股份有限公司");
        await Assertions.Expect(page.Locator("[data-testid='agent-deals']")).ToContainTextAsync("广州海珠智造股份有限公司");

        await page.ClickAsync("[data-action='Regrade']");
        await page.ClickAsync("[data-testid='agent-tier-choice']");
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = locale == "en" ? "Tier-1" : "一级代理" }).ClickAsync();
        await page.Locator("textarea[data-testid='agent-reason'], [data-testid='agent-reason'] textarea").FillAsync(locale == "en" ? "Sales fell." : "业绩下滑。");
        await page.ClickAsync("[data-testid='agent-confirm']");

        await Assertions.Expect(page.Locator("[data-testid='agent-action-form']")).ToContainTextAsync("T1-TIANHE");
        await Assertions.Expect(page.Locator("[data-testid='agent-tier']")).ToHaveAttributeAsync("data-tier", "Core");
        await page.ScreenshotAsync($"manager-agent-refused-{(locale == "en" ? "en" : "zh")}");
    }

    [Fact]
    public async Task A_user_created_on_the_agents_page_signs_in_to_its_agents_workspace()
    {
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("manager@channels.local");
        await page.WaitForInteractiveAsync();
        await page.GotoAsync("/agents/T1-SH");
        await page.WaitForInteractiveAsync();

        await page.Locator("input[data-testid='agent-user-email'], [data-testid='agent-user-email'] input").FillAsync("zhao.lei@sh.example.cn");
        await page.Locator("input[data-testid='agent-user-name'], [data-testid='agent-user-name'] input").FillAsync("赵磊");
        await page.ClickAsync("[data-testid='agent-user-create']");
        var password = (await page.Locator("[data-testid='agent-user-password']").TextContentAsync())!.Trim();
        await Assertions.Expect(page.Locator("[data-user='zhao.lei@sh.example.cn']")).ToBeVisibleAsync();
        await page.ScreenshotAsync("manager-agent-user-created-zh");

        var reseller = await fixture.NewPageAsync();
        await reseller.SignInAsync("zhao.lei@sh.example.cn", password);
        await reseller.WaitForInteractiveAsync();
        await Assertions.Expect(reseller.Locator("header")).ToContainTextAsync("T1-SH");
    }
}
