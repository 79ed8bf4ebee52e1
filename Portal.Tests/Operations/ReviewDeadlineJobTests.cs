using Microsoft.EntityFrameworkCore;
using Portal.Domain.Agents;
using Portal.Domain.Audit;
using Portal.Domain.Authorizations;
using Portal.Domain.Common;
using Portal.Domain.Deals;
using Portal.Features.Authorizations;
using Portal.Features.Deals;
using Portal.Features.Operations;
using Portal.Features.Recruitment;
using Portal.Tests.Builders;
using Portal.Tests.Deals;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Operations;

/// <summary>The expiry job's default outcomes when a pending decision's deadline passes (ADR 28).</summary>
public sealed class ReviewDeadlineJobTests(PortalAppFixture fixture) : AppTest(fixture)
{
    private ExpiryJob Job => Service<ExpiryJob>();

    [Fact]
    public async Task A_held_registration_gets_its_deadline_in_working_days_and_is_rejected_once_when_it_passes()
    {
        var deal = await HeldDealAsync(7901);

        // Held on Monday 2026-06-01 10:00 China time: three working days are Tuesday to Thursday.
        var deadline = TestTime.Calendar.EndOfDay(new DateOnly(2026, 6, 4));
        Assert.Equal(deadline, deal.ReviewDeadline);

        var early = await Job.RunAsync(deadline.AddMinutes(-1));
        var due = await Job.RunAsync(deadline);
        var again = await Job.RunAsync(deadline.AddHours(1));

        Assert.Equal((0, 1, 0), (early.ReviewsTimedOut, due.ReviewsTimedOut, again.ReviewsTimedOut));
        await using var db = await DbAsync();
        var rejected = await db.Deals.Include(d => d.Reasons).SingleAsync(d => d.Id == deal.Id);
        Assert.Equal(DealStatus.Rejected, rejected.Status);
        Assert.Contains(ReasonCode.ReviewTimedOut, rejected.Reasons.Select(r => r.Code));
        var entry = Assert.Single(await EntriesAsync(nameof(AuditAction.DealReviewTimedOut), deal.Id));
        Assert.Equal(ExpiryJob.Actor, entry.Actor);
        Assert.Contains(ReasonCode.ReviewTimedOut, entry.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_extension_requested_a_day_before_the_protection_ends_is_refused_at_the_end_and_the_customer_is_free_right_after()
    {
        var tianhe = await UserAsync(Tianhe);
        var approved = await ReadAsync(async db => await db.Deals.FirstAsync(d => d.Status == DealStatus.Approved && d.AgentId == db.Agents.Single(a => a.Code == "T1-TIANHE").Id));
        var end = approved.ProtectedUntil!.Value;
        Clock.SetUtcNow(end.AddDays(-1));

        var requested = await Service<DealLifecycleService>().RequestExtensionAsync(tianhe, approved.Id, "客户采购流程延长");
        Assert.True(requested.Succeeded, requested.ToString());
        Assert.Equal(end, (await DealAsync(approved.Id)).ReviewDeadline);

        var before = await Job.RunAsync(end.AddTicks(-1));
        var atEnd = await Job.RunAsync(end);

        Assert.Equal((0, 0), (before.ReviewsTimedOut, before.DealsExpired));
        Assert.Equal(1, atEnd.ReviewsTimedOut);
        Assert.InRange(atEnd.DealsExpired, 1, int.MaxValue);
        var deal = await DealAsync(approved.Id);
        Assert.Equal((DealStatus.Expired, (DateTime?)end), (deal.Status, deal.ProtectedUntil));
        await using var db = await DbAsync();
        Assert.False(await db.CustomerProtections.AnyAsync(p => p.CustomerId == deal.CustomerId && p.EndedAt == null));
        Assert.Single(await EntriesAsync(nameof(AuditAction.ExtensionTimedOut), deal.Id));
        Assert.Equal(0, (await Job.RunAsync(end.AddMinutes(5))).Total);
    }

    [Fact]
    public async Task A_cross_region_request_lapses_and_an_application_is_rejected_at_their_deadlines()
    {
        var request = await Service<CrossRegionAuthorizationService>().RequestAsync(await UserAsync(Gz), new AuthorizationRequestInput
        {
            RegionCode = "440300",
            ValidFrom = TestTime.Today,
            ValidUntil = TestTime.Today.AddDays(30),
            Reason = "深圳展会",
        });
        var application = await Service<AgentRecruitment>().RecruitAsync(await UserAsync(Gz), Recruit(7902));
        Assert.True(request.Succeeded && application.Succeeded);

        // Five working days from Monday 2026-06-01: the next Monday; ten: Monday 2026-06-15.
        var authorizationDeadline = TestTime.Calendar.EndOfDay(new DateOnly(2026, 6, 8));
        var applicationDeadline = TestTime.Calendar.EndOfDay(new DateOnly(2026, 6, 15));
        await Job.RunAsync(authorizationDeadline.AddMinutes(-1));
        var first = await Job.RunAsync(authorizationDeadline);
        var second = await Job.RunAsync(applicationDeadline);
        var third = await Job.RunAsync(applicationDeadline.AddDays(1));

        Assert.Equal((1, 1, 0), (first.ReviewsTimedOut, second.ReviewsTimedOut, third.ReviewsTimedOut));
        await using var db = await DbAsync();
        var authorization = await db.CrossRegionAuthorizations.SingleAsync(a => a.Id == request.Value!.Id);
        Assert.Equal((AuthorizationStatus.Lapsed, (DateTime?)authorizationDeadline), (authorization.Status, authorization.ReviewDeadline));
        Assert.Equal(ContractStatus.Rejected, (await db.Agents.SingleAsync(a => a.Id == application.Value!.Id)).Status);
        Assert.Single(await EntriesAsync(nameof(AuditAction.AuthorizationLapsed), authorization.Id));
        Assert.Single(await EntriesAsync(nameof(AuditAction.AgentApplicationTimedOut), application.Value!.Id));
    }

    [Theory]
    [InlineData(7910)]
    [InlineData(7911)]
    [InlineData(7912)]
    public async Task Run_repeatedly_and_concurrently_with_a_manager_deciding_each_record_is_decided_exactly_once(int n)
    {
        var deal = await HeldDealAsync(n);
        var deadline = deal.ReviewDeadline!.Value;
        Clock.SetUtcNow(deadline);
        var manager = await UserAsync(Manager);

        var jobs = Enumerable.Range(0, 3).Select(_ => Task.Run(() => Job.RunAsync(deadline))).ToList();
        var decision = Task.Run(() => Service<DealReviewService>().RejectAsync(manager, deal.Id, "重复报备"));
        await Task.WhenAll([.. jobs, decision]);

        var timedOut = (await EntriesAsync(nameof(AuditAction.DealReviewTimedOut), deal.Id)).Count;
        var decided = (await EntriesAsync(nameof(AuditAction.ReviewedDealRejected), deal.Id)).Count;
        Assert.Equal(1, timedOut + decided);
        Assert.Equal(decided == 1, (await decision).Succeeded);
        Assert.Equal(timedOut, jobs.Sum(j => j.Result.ReviewsTimedOut));
        Assert.Equal(DealStatus.Rejected, (await DealAsync(deal.Id)).Status);
        Assert.True(AuditChain.Verify(await AuditAsync()).IsIntact);
    }

    [Fact]
    public async Task A_record_waiting_since_before_deadlines_existed_gets_a_full_period_from_the_first_run()
    {
        var deal = await HeldDealAsync(7920);
        await using (var db = await DbAsync())
        {
            await db.Deals.Where(d => d.Id == deal.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.ReviewDeadline, (DateTime?)null));
        }

        // Upgraded on Friday 2026-06-05 at 10:00 China time, long after the registration was held.
        var upgrade = TestTime.Calendar.InstantOf(new DateOnly(2026, 6, 5), new TimeOnly(10, 0));
        var first = await Job.RunAsync(upgrade);
        var second = await Job.RunAsync(upgrade.AddMinutes(5));

        Assert.Equal((1, 0), (first.DeadlinesAssigned, first.ReviewsTimedOut));
        Assert.Equal(0, second.Total);
        var waiting = await DealAsync(deal.Id);
        Assert.Equal((DealStatus.PendingReview, (DateTime?)TestTime.Calendar.EndOfDay(new DateOnly(2026, 6, 10))), (waiting.Status, waiting.ReviewDeadline));
    }

    private async Task<DealRegistration> HeldDealAsync(int n)
    {
        // A near-duplicate of a free demo customer (广州天河家居服务有限公司) under a new USCC: held for review.
        var result = await Service<DealRegistrationService>().RegisterAsync(await UserAsync(Tianhe), DealInputs.Registration(DealInputs.NewUscc("440106", n), "广州天河家居服务 有限责任公司", "440106"));
        Assert.Equal(DealStatus.PendingReview, result.Value!.Status);
        return await DealAsync(result.Value.Id);
    }

    private Task<DealRegistration> DealAsync(int id) => ReadAsync(db => db.Deals.SingleAsync(d => d.Id == id));

    private async Task<List<AuditEntry>> EntriesAsync(string action, int entityId) =>
        [.. (await AuditAsync()).Where(e => e.Action == action && e.EntityId == entityId.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    private static NewAgentInput Recruit(int n) => ApplicationInputs.Tier1("T1-WAIT", "广州待审科技有限公司", n);
}
