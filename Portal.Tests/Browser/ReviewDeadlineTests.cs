using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Domain.Deals;
using Portal.Features.Deals;
using Portal.Tests.Deals;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Browser;

/// <summary>The review queue's clocks (ADR 28): time left to each deadline, the overdue first and in red, in both languages.</summary>
[Collection(BrowserTests.Name)]
public sealed class ReviewDeadlineTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("zh-CN", 7950, "广州天河家居服务有限责任公司", "已超时", "剩余")]
    [InlineData("en", 7952, "广州天河家居服务 有限责任公司", "Overdue by", "left")]
    public async Task The_review_queue_shows_the_time_left_with_the_overdue_first(string locale, int n, string name, string overdueText, string leftText)
    {
        var fresh = await HoldAsync(n, name);
        var overdue = await HoldAsync(n + 1, name);

        // The job is off in the tests: a deadline moved to the end of yesterday stays overdue until a manager decides.
        await using (var db = await fixture.App.CreateContextAsync())
        {
            var calendar = Portal.Domain.Common.BusinessCalendar.China;
            var past = calendar.EndOfDay(calendar.DateOf(fixture.App.Now).AddDays(-1));
            await db.Deals.Where(d => d.Id == overdue).ExecuteUpdateAsync(s => s.SetProperty(d => d.ReviewDeadline, past));
        }

        var page = await fixture.NewPageAsync(locale);
        await page.SignInAsync("manager@channels.local");
        await page.WaitForInteractiveAsync();
        await page.GotoAsync("/review");
        await page.WaitForInteractiveAsync();

        var overdueClock = Clock(page, overdue);
        var freshClock = Clock(page, fresh);
        await Assertions.Expect(overdueClock).ToHaveAttributeAsync("data-overdue", "true");
        await Assertions.Expect(overdueClock).ToContainTextAsync(overdueText);
        await Assertions.Expect(freshClock).ToHaveAttributeAsync("data-overdue", "false");
        await Assertions.Expect(freshClock).ToContainTextAsync(leftText);
        Assert.Contains("error", await overdueClock.GetAttributeAsync("class") ?? string.Empty, StringComparison.Ordinal);

        var order = await page.Locator("[data-review-deal]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.getAttribute('data-review-deal'))");
        Assert.True(Array.IndexOf(order, $"{overdue}") < Array.IndexOf(order, $"{fresh}"), string.Join(",", order));
        await Assertions.Expect(page.Locator("[data-testid='time-left']").First).ToHaveAttributeAsync("data-overdue", "true");
        await page.ScreenshotAsync($"review-deadlines-{locale}");
    }

    private static ILocator Clock(IPage page, int dealId) =>
        page.Locator($"tr:has([data-review-deal='{dealId}']) [data-testid='time-left']");

    // A new credit code with a name close to a demo customer's: a possible duplicate, held for review.
    private async Task<int> HoldAsync(int n, string name)
    {
        var tianhe = await TestUsers.ForAsync(fixture.App, "tianhe@channels.local");
        var result = (await fixture.App.Services.GetRequiredService<DealRegistrationService>().RegisterAsync(tianhe, DealInputs.Registration(DealInputs.NewUscc("440106", n), name, "440106"))).Value!;
        Assert.Equal(DealStatus.PendingReview, result.Status);
        return result.Id;
    }
}
