using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audit;
using Portal.Features;
using Portal.Features.Deals;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Deals;

/// <summary>
/// Scraping the protection map is neither cheap nor invisible: every availability check is audited with who asked, and a
/// user who asks too often in a minute is refused (429 <c>TOO_MANY_REQUESTS</c> on the API) while others are not.
/// </summary>
public sealed class AvailabilityLimitTests(AvailabilityLimitTests.ThreePerMinute fixture) : AppTest<AvailabilityLimitTests.ThreePerMinute>(fixture)
{
    [Fact]
    public async Task Every_check_is_audited_and_a_fourth_in_a_minute_is_refused()
    {
        var service = Service<DealRegistrationService>();
        var tianhe = await UserAsync(Tianhe);
        var uscc = CustomerUscc("天河软件园");

        var answers = new List<UseCaseOutcome>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add((await service.CheckAvailabilityAsync(tianhe, uscc)).Outcome);
        }

        var other = await service.CheckAvailabilityAsync(await UserAsync(Yuexiu), uscc);

        Assert.Equal([UseCaseOutcome.Succeeded, UseCaseOutcome.Succeeded, UseCaseOutcome.Succeeded, UseCaseOutcome.Throttled], answers);
        Assert.True(other.Succeeded);
        await using var db = await DbAsync();
        var audited = await db.AuditEntries.Where(e => e.Action == nameof(AuditAction.CustomerAvailabilityChecked)).Select(e => new { e.Actor, e.EntityType, e.EntityId }).ToListAsync();
        Assert.Equal(3, audited.Count(e => e.Actor == Tianhe && e.EntityType == nameof(AuditEntity.Customer) && e.EntityId == uscc));
        Assert.Single(audited, e => e.Actor == Yuexiu);
    }

    [Fact]
    public async Task The_api_answers_a_fourth_check_with_a_coded_429()
    {
        using var client = await SignInClient.WithTokenAsync(App, Sz);
        var uscc = CustomerUscc("天河软件园");
        var statuses = new List<HttpStatusCode>();
        string? body = null;
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.GetAsync(new Uri($"/api/v1/customers/availability?uscc={uscc}", UriKind.Relative));
            statuses.Add(response.StatusCode);
            body = await response.Content.ReadAsStringAsync();
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        using var json = JsonDocument.Parse(body!);
        Assert.Equal("TOO_MANY_REQUESTS", json.RootElement.GetProperty("code").GetString());
    }

    /// <summary>A portal whose users may check three customers a minute.</summary>
    public sealed class ThreePerMinute : PortalAppFixture
    {
        protected override IReadOnlyDictionary<string, string>? Settings => new Dictionary<string, string> { ["Availability:PermitsPerMinute"] = "3" };
    }
}
