using System.Text.Json;
using Bunit;
using Portal.Data.Identity;
using Portal.Domain.Deals;
using Portal.Features;
using Portal.Features.Deals;
using Portal.Features.Operations;
using Portal.Localization;
using Portal.Tests.Builders;
using Portal.Tests.Deals;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Components;

/// <summary>
/// The channel runs on China time (DESIGN.md §11), whatever the server's zone — the test host's is UTC. A registration at
/// 23:30 in China on 1 June is protected until the same day on the list, on the deal's page and in the API, and the
/// customer is free right after the end of that day in China.
/// </summary>
public sealed class BusinessTimeTests : PortalTestContext, IClassFixture<PortalAppFixture>
{
    private static readonly DateOnly LastDay = new(2026, 8, 30); // 1 June + 90 days

    private readonly PortalAppFactory _app;

    public BusinessTimeTests(PortalAppFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        _app = fixture.App;
        UseApp(_app, typeof(DealQueries), typeof(DealLifecycleService), typeof(DealReviewService), typeof(BusinessClock));
    }

    [Fact]
    public async Task A_late_evening_registration_is_protected_to_the_same_day_everywhere_and_freed_after_it_in_China()
    {
        Assert.Equal(TimeZoneInfo.Utc, _app.Service<TimeProvider>().LocalTimeZone);
        _app.Clock.SetUtcNow(TestTime.China(2026, 6, 1, 23, 30));
        using var api = await SignInClient.WithTokenAsync(_app, "tianhe@channels.local");
        var uscc = DealInputs.NewUscc("440106", 601);

        using var created = await api.PostAsJsonAsync(new Uri("/api/v1/deals", UriKind.Relative), DealInputs.Registration(uscc, "广州天河夜间报备有限公司", "440106"));
        using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var id = body.RootElement.GetProperty("id").GetInt32();
        using var read = JsonDocument.Parse(await api.GetStringAsync(new Uri($"/api/v1/deals/{id}", UriKind.Relative)));
        using var list = JsonDocument.Parse(await api.GetStringAsync(new Uri("/api/v1/deals", UriKind.Relative)));

        Assert.Equal("2026-08-30", body.RootElement.GetProperty("protectedUntil").GetString());
        Assert.Equal("2026-08-30", read.RootElement.GetProperty("protectedUntil").GetString());
        Assert.Equal("2026-08-30", list.RootElement.GetProperty("items").EnumerateArray().Single(d => d.GetProperty("id").GetInt32() == id).GetProperty("protectedUntil").GetString());
        var shown = BusinessClock.ShowDay(LastDay);
        Assert.Contains(shown, DealPage(id), StringComparison.Ordinal);
        Assert.Contains(shown, ListedUntil(id), StringComparison.Ordinal);

        var job = _app.Service<ExpiryJob>();
        var endOfDay = TestTime.China(2026, 8, 31, 0, 0);
        await job.RunAsync(endOfDay.AddTicks(-1));
        var onTheLastMoment = await StatusAsync(id);
        await job.RunAsync(endOfDay);
        var availability = await _app.Service<DealRegistrationService>().CheckAvailabilityAsync(await _app.UserAsync("yuexiu@channels.local"), uscc);

        Assert.Equal(DealStatus.Approved, onTheLastMoment);
        Assert.Equal(DealStatus.Expired, await StatusAsync(id));
        Assert.True(availability.Value!.Available);
    }

    private async Task<DealStatus> StatusAsync(int id)
    {
        await using var db = await _app.CreateContextAsync();
        return (await db.Deals.FindAsync(id))!.Status;
    }

    private string DealPage(int id)
    {
        AddAuthorization().SetAuthorized("manager@channels.local").SetRoles(PortalRoles.ChannelManager);
        UseCulture(PortalCultures.Chinese);
        var page = Render<DealDetailPage>(p => p.Add(d => d.Id, id));
        return page.WaitForElement("[data-testid='protected-until']").TextContent;
    }

    private string ListedUntil(int id)
    {
        var page = Render<MyDeals>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find($"[data-protected-until='{id}']")));
        return page.Find($"[data-protected-until='{id}']").TextContent;
    }
}
