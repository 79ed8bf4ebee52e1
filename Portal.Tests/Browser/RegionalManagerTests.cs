using Microsoft.Playwright;
using Portal.Data.Identity;
using Portal.Features.Admin;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Browser;

/// <summary>
/// The seeded regional manager (manager.gd@channels.local, scoped to 440000) in both languages: its header names its
/// region, the agents grid holds Guangdong's agents only, and a Beijing agent's page does not exist for it (ADR 26).
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class RegionalManagerTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task The_guangdong_manager_sees_only_guangdongs_agents(string locale)
    {
        var page = await fixture.NewPageAsync(locale);
        await page.SignInAsync("manager.gd@channels.local");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("[data-testid='user-role']")).ToContainTextAsync(locale == "en" ? "Guangdong" : "广东省");

        await page.GotoAsync("/agents");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("[data-agent='CORE-GZ']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-agent='SP-SOUTH']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-agent='CORE-BJ']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-agent='T1-SH']")).ToHaveCountAsync(0);
        await page.ScreenshotAsync($"regional-manager-agents-{(locale == "en" ? "en" : "zh")}");

        await page.GotoAsync("/agents/CORE-BJ");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("[data-testid='not-found']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid='agent-title']")).ToHaveCountAsync(0);
    }

    [Theory]
    [InlineData("zh-CN", 7610)]
    [InlineData("en", 7611)]
    public async Task The_admin_sees_a_managers_regions_and_widens_it_to_the_whole_channel(string locale, int number)
    {
        var email = $"region.manager.{number}@channels.local";
        var admin = await TestUsers.ForAsync(fixture.App, "admin@channels.local");
        var administration = fixture.App.Services.GetRequiredService<UserAdministration>();
        var created = await administration.CreateAsync(admin, new NewUserInput { Email = email, DisplayName = $"区域经理{number}", Role = PortalRoles.ChannelManager, Password = "Start#2026x" });
        var manager = await TestUsers.ForAsync(fixture.App, email);
        Assert.True((await administration.SetRegionsAsync(admin, manager.Id, ["440000"])).Succeeded, created.Outcome.ToString());

        var page = await fixture.NewPageAsync(locale);
        await page.SignInAsync("admin@channels.local");
        await page.WaitForInteractiveAsync();
        await page.GotoAsync("/admin/users");
        await page.WaitForInteractiveAsync();
        var regions = page.Locator($"[data-user-regions='{email}']");
        await Assertions.Expect(regions).ToHaveTextAsync(locale == "en" ? "Guangdong" : "广东省");

        await page.ClickAsync($"[data-user-actions='{email}']");
        await page.ClickAsync("[data-action='set-regions']");
        var form = page.Locator("[data-testid='user-regions-form']");
        await Assertions.Expect(form.Locator("[data-territory='440000']")).ToBeVisibleAsync();
        await page.ScreenshotAsync($"admin-user-regions-{(locale == "en" ? "en" : "zh")}");
        await page.ClickAsync("[data-testid='user-regions-clear']");

        await Assertions.Expect(page.Locator("[data-testid='users-message']")).ToBeVisibleAsync();
        await Assertions.Expect(regions).ToHaveTextAsync(locale == "en" ? "Whole channel" : "全国");
        Assert.Empty((await TestUsers.ForAsync(fixture.App, email)).ScopeRegions);
    }
}
