using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Tests.Deals;

namespace Portal.Tests.Browser;

/// <summary>
/// The channel manager's workspace in the browser, in both languages: an agent signed directly from the agents grid
/// lands on its own page, gets its first user there, and that user signs in to its workspace; the channel tree opens to
/// a searched agent.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class ChannelWorkspaceTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("zh-CN", "T1-TJZH", "天津滨海测试科技有限公司", 7520)]
    [InlineData("en", "T1-TJEN", "Tianjin Binhai Test Technology Co., Ltd.", 7521)]
    public async Task A_manager_signs_an_agent_directly_and_its_first_user_signs_in_to_its_workspace(string locale, string code, string legalName, int usccNumber)
    {
        var english = locale == "en";
        var page = await fixture.NewPageAsync(locale);
        await page.SignInAsync("manager@channels.local");
        await page.WaitForInteractiveAsync();
        await page.GotoAsync("/agents");
        await page.WaitForInteractiveAsync();
        await page.ClickAsync("[data-testid='agents-sign']");
        await page.WaitForInteractiveAsync();

        await page.Locator("input[data-testid='sign-code'], [data-testid='sign-code'] input").FillAsync(code);
        await page.Locator("input[data-testid='sign-name'], [data-testid='sign-name'] input").FillAsync(legalName);
        var uscc = page.Locator("input[data-testid='sign-uscc'], [data-testid='sign-uscc'] input");
        await uscc.FillAsync("91440300708461136U");
        await Assertions.Expect(page.Locator("[data-testid='sign-form']")).ToContainTextAsync("INVALID_USCC");
        await uscc.FillAsync(DealInputs.NewUscc("120100", usccNumber));
        await Assertions.Expect(page.Locator("[data-testid='sign-form']")).Not.ToContainTextAsync("INVALID_USCC");
        await page.ClickAsync("[data-testid='sign-tier']");
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = english ? "Tier-1" : "一级代理" }).ClickAsync();
        await page.ChooseByTypingAsync("region-province", english ? "Tianjin" : "天津市", typed: "tj");
        await page.ChooseByTypingAsync("region-city", english ? "Tianjin" : "天津市", typed: "tj");
        await page.ClickAsync("[data-testid='territory-add']");
        await page.Locator("input[data-testid='sign-contact-name'], [data-testid='sign-contact-name'] input").FillAsync(english ? "Li Na" : "李娜");
        await page.Locator("input[data-testid='sign-contact-email'], [data-testid='sign-contact-email'] input").FillAsync($"li.na@{code.ToLowerInvariant()}.example.cn");
        await page.ScreenshotAsync($"manager-sign-agent-{(english ? "en" : "zh")}");
        await page.ClickAsync("[data-testid='sign-submit']");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/agents/{code}$"));
        await Assertions.Expect(page.Locator("[data-testid='agent-title']")).ToContainTextAsync(code);
        await Assertions.Expect(page.Locator("[data-testid='agent-status']")).ToHaveAttributeAsync("data-status", "Active");
        await Assertions.Expect(page.Locator("[data-testid='agent-parent']")).ToContainTextAsync(english ? "Signed by the vendor directly" : "厂商直签");
        await page.WaitForInteractiveAsync();

        var email = $"first.user@{code.ToLowerInvariant()}.example.cn";
        await page.Locator("input[data-testid='agent-user-email'], [data-testid='agent-user-email'] input").FillAsync(email);
        await page.Locator("input[data-testid='agent-user-name'], [data-testid='agent-user-name'] input").FillAsync(english ? "First User" : "首位用户");
        await page.ClickAsync("[data-testid='agent-user-create']");
        var password = (await page.Locator("[data-testid='agent-user-password']").TextContentAsync())!.Trim();
        await page.ScreenshotAsync($"manager-signed-agent-user-{(english ? "en" : "zh")}");

        var reseller = await fixture.NewPageAsync(locale);
        await reseller.SignInAsync(email, password);
        await reseller.WaitForInteractiveAsync();
        await Assertions.Expect(reseller.Locator("header")).ToContainTextAsync(code);
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task The_channel_tree_opens_to_a_searched_agent(string locale)
    {
        var page = await fixture.NewPageAsync(locale);
        await page.SignInAsync("compliance@channels.local");
        await page.WaitForInteractiveAsync();
        await page.GotoAsync("/channel");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("[data-agent='SP-SOUTH']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-agent='T1-TIANHE']")).ToHaveCountAsync(0);

        // Chosen as a person does with the keyboard once the list shows the match: a click may land on a list the
        // search is still replacing.
        await page.BringToFrontAsync();
        await page.Locator("input[data-testid='tree-search'], [data-testid='tree-search'] input").FillAsync("TIANHE");
        await Assertions.Expect(page.HighlightedOption()).ToContainTextAsync("T1-TIANHE");
        await page.Keyboard.PressAsync("Enter");

        var found = page.Locator("[data-agent='T1-TIANHE']");
        await Assertions.Expect(found).ToHaveAttributeAsync("data-highlighted", "true");
        await Assertions.Expect(found).ToHaveAttributeAsync("data-depth", "2");
        await Assertions.Expect(page.Locator("[data-agent='CORE-GZ'] [data-testid='expand']").First).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(page.Locator("[data-testid='tree-focus']")).ToContainTextAsync("T1-TIANHE");
        await page.ScreenshotAsync($"channel-tree-search-{(locale == "en" ? "en" : "zh")}");
    }
}
