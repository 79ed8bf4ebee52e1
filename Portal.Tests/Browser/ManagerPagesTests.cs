using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Domain.Deals;
using Portal.Features.Deals;
using Portal.Tests.Deals;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Browser;

/// <summary>The ChannelManager's customers grid, review queue and vendor-direct order page, in a real browser.</summary>
[Collection(BrowserTests.Name)]
public sealed class ManagerPagesTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_manager_browses_every_customer_and_narrows_to_the_protected_ones()
    {
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("manager@channels.local");
        await page.WaitForInteractiveAsync();
        await page.GotoAsync("/customers");
        await page.WaitForInteractiveAsync();

        var grid = page.Locator("[data-testid='customers-grid']");
        await Assertions.Expect(grid).ToContainTextAsync("北京海淀教育科技有限公司");
        await Assertions.Expect(grid.Locator("[data-holder='T1-TIANHE']").First).ToBeVisibleAsync();
        await Assertions.Expect(grid.Locator("[data-holder='T2-YUEXIU']").First).ToBeVisibleAsync();
        await page.ScreenshotAsync("manager-customers-zh");

        await page.GetByText("仅显示受保护客户").ClickAsync();

        await Assertions.Expect(grid).Not.ToContainTextAsync("北京海淀教育科技有限公司");
        await Assertions.Expect(grid.Locator("[data-holder='T1-TIANHE']").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_manager_approves_a_registration_held_for_review_from_the_queue()
    {
        var dealId = await RegisterPossibleDuplicateAsync(7101);
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("manager@channels.local");
        await page.WaitForInteractiveAsync();

        await page.GotoAsync("/review");
        await page.WaitForInteractiveAsync();
        var row = page.Locator($"[data-review-deal='{dealId}']");
        await Assertions.Expect(row).ToBeVisibleAsync();
        await row.Locator("[data-action='Approve']").ClickAsync();
        await page.Locator("[data-testid='decision-note'] textarea, textarea[data-testid='decision-note']").First.FillAsync("已核实：与现有客户为不同法人。");
        await page.ScreenshotAsync("manager-review-queue-zh");
        await page.ClickAsync("[data-testid='decision-confirm']");

        var message = page.Locator("[data-testid='review-message']");
        await Assertions.Expect(message).ToHaveAttributeAsync("data-error", "false");
        await Assertions.Expect(message).ToContainTextAsync($"报备 #{dealId}");
        await Assertions.Expect(row).ToHaveCountAsync(0);

        await page.GotoAsync($"/deals/{dealId}");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator($"[data-status='{nameof(DealStatus.Approved)}']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid='protected-until']")).ToBeVisibleAsync();
        await using var db = await fixture.App.CreateContextAsync();
        Assert.Equal(DealStatus.Approved, await db.Deals.Where(d => d.Id == dealId).Select(d => d.Status).SingleAsync());
    }

    [Fact]
    public async Task A_vendor_direct_order_for_a_protected_customer_is_refused_with_its_reason()
    {
        var protectedCustomer = await UsccOfCustomerProtectedByAsync("T1-TIANHE");
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("manager@channels.local");
        await page.WaitForInteractiveAsync();

        await page.GotoAsync("/vendor-direct");
        await page.WaitForInteractiveAsync();
        await page.Locator("[data-testid='vendor-direct-uscc'] input, input[data-testid='vendor-direct-uscc']").First.FillAsync(protectedCustomer);
        await page.Locator("[data-testid='vendor-direct-note'] textarea, textarea[data-testid='vendor-direct-note']").First.FillAsync("厂商直销订单 VD-0001");
        await page.ClickAsync("[data-testid='vendor-direct-submit']");

        var result = page.Locator("[data-testid='vendor-direct-result']");
        await Assertions.Expect(result).ToHaveAttributeAsync("data-outcome", "Refused");
        await Assertions.Expect(result.Locator("[data-reason='VENDOR_DIRECT_BLOCKED']")).ToContainTextAsync("(VENDOR_DIRECT_BLOCKED)");
        await page.ScreenshotAsync("manager-vendor-direct-zh");
    }

    // A new credit code with a name close to a demo customer's in the same district: a possible duplicate, held for review.
    private async Task<int> RegisterPossibleDuplicateAsync(int number)
    {
        var tianhe = await TestUsers.ForAsync(fixture.App, "tianhe@channels.local");
        var registrations = fixture.App.Services.GetRequiredService<DealRegistrationService>();
        var result = (await registrations.RegisterAsync(tianhe, DealInputs.Registration(DealInputs.NewUscc("440106", number), "广州天河家居服务有限责任公司", "440106"))).Value!;
        Assert.Equal(DealStatus.PendingReview, result.Status);
        return result.Id;
    }

    private async Task<string> UsccOfCustomerProtectedByAsync(string agentCode)
    {
        await using var db = await fixture.App.CreateContextAsync();
        return await (from p in db.CustomerProtections
                      join a in db.Agents on p.AgentId equals a.Id
                      join c in db.Customers on p.CustomerId equals c.Id
                      where a.Code == agentCode && p.EndedAt == null
                      select c.Uscc).FirstAsync();
    }
}
