using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Domain.Deals;
using Portal.Domain.Notifications;
using Portal.Features.Authorizations;
using Portal.Features.Catalog;
using Portal.Features.Compliance;
using Portal.Features.Customers;
using Portal.Features.Deals;
using Portal.Features.Operations;
using Portal.Features.Recruitment;
using Portal.Localization;
using Portal.Tests.Builders;
using Portal.Tests.Deals;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Notifications;

/// <summary>Each event of DESIGN.md §10 tells its readers, in the use case's transaction (ADR 34).</summary>
public sealed class EventNoticeTests(PortalAppFixture fixture) : AppTest(fixture)
{
    private ExpiryJob Job => Service<ExpiryJob>();

    [Fact]
    public async Task A_decided_extension_tells_the_agents_users_and_no_one_else_and_a_refused_decision_tells_no_one()
    {
        var tianhe = await UserAsync(Tianhe);
        var approved = await ReadAsync(async db => await db.Deals.FirstAsync(d => d.Status == DealStatus.Approved && d.AgentId == db.Agents.Single(a => a.Code == "T1-TIANHE").Id));
        Clock.SetUtcNow(approved.ProtectedUntil!.Value.AddDays(-10));
        Assert.True((await Service<DealLifecycleService>().RequestExtensionAsync(tianhe, approved.Id, "客户采购流程延长")).Succeeded);
        var review = Service<DealReviewService>();

        var refused = await review.DecideExtensionAsync(await UserAsync(Manager), approved.Id, grant: false, note: null);
        Assert.False(refused.Succeeded);
        Assert.Empty(await NoticesAsync(NotificationKind.ExtensionDecided));

        var granted = await review.DecideExtensionAsync(await UserAsync(Manager), approved.Id, grant: true, note: null);

        Assert.True(granted.Succeeded, granted.ToString());
        var notice = Assert.Single(await NoticesAsync(NotificationKind.ExtensionDecided));
        Assert.Equal((await UserIdAsync(Tianhe), $"/deals/{approved.Id}"), (notice.RecipientId, notice.Link));
        AssertSaid(notice, "延期申请已批准", "Extension granted");
    }

    [Fact]
    public async Task A_decided_authorization_tells_the_requesting_agent()
    {
        var request = await Service<CrossRegionAuthorizationService>().RequestAsync(await UserAsync(Gz), new AuthorizationRequestInput
        {
            RegionCode = "440300",
            ValidFrom = TestTime.Today,
            ValidUntil = TestTime.Today.AddDays(30),
            Reason = "深圳展会",
        });
        Assert.True(request.Succeeded, request.ToString());

        Assert.True((await Service<CrossRegionAuthorizationService>().ApproveAsync(await UserAsync(Manager), request.Value!.Id, null)).Succeeded);

        var notice = Assert.Single(await NoticesAsync(NotificationKind.AuthorizationDecided));
        Assert.Equal((await UserIdAsync(Gz), "/authorizations"), (notice.RecipientId, notice.Link));
        AssertSaid(notice, "440300", "440300");
    }

    [Fact]
    public async Task A_confirmed_case_and_its_penalty_tell_the_agent_and_its_parent_never_a_sibling()
    {
        var id = await ConfirmedCaseAsync("T1-TIANHE");

        var opened = await NoticesAsync(NotificationKind.CaseOpened);
        Assert.Equal(new[] { await UserIdAsync(Gz), await UserIdAsync(Tianhe) }.Order(), opened.Select(n => n.RecipientId).Order());
        Assert.All(opened, n => Assert.Equal($"/cases/{id}", n.Link));
        AssertSaid(opened[0], "T1-TIANHE", "T1-TIANHE");

        Assert.True((await Penalties.PenalizeAsync(await UserAsync(Compliance), id, new PenaltyInput())).Succeeded);

        var penalties = await NoticesAsync(NotificationKind.PenaltyImposed);
        Assert.Equal(2, penalties.Count);
        Assert.DoesNotContain(await UserIdAsync(Yuexiu), penalties.Select(n => n.RecipientId));
        AssertSaid(penalties[0], "警告", "Warning");
    }

    [Fact]
    public async Task A_published_price_version_tells_every_user_of_every_agent_asked_to_acknowledge_it()
    {
        var published = await Service<PriceVersions>().PublishAsync(await UserAsync(Manager), PriceVersionBuilder.Valid(Now).Input());
        Assert.True(published.Succeeded, published.ToString());

        await using var db = await DbAsync();
        var expected = await db.Users.Where(u => !u.IsDisabled && PriceVersionQueries.AskedToAcknowledge(db).Select(a => (int?)a.Id).Contains(u.AgentId)).Select(u => u.Id).OrderBy(u => u).ToListAsync();
        var notices = await NoticesAsync(NotificationKind.PriceVersionPublished);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, notices.Select(n => n.RecipientId).Order());
        Assert.All(notices, n => Assert.Equal($"/prices/versions/{published.Value!.Number}", n.Link));
        AssertSaid(notices[0], published.Value!.Number.ToString(CultureInfo.InvariantCulture), published.Value!.Number.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task An_arbitration_tells_the_old_holder_and_the_new_one()
    {
        var uscc = DealInputs.NewUscc("440106", 8401);
        Assert.True((await Service<DealRegistrationService>().RegisterAsync(await UserAsync(Tianhe), DealInputs.Registration(uscc, "广州通知仲裁测试有限公司", "440106"))).Succeeded);

        var moved = await Service<ProtectionArbitration>().TransferAsync(await UserAsync(Manager), uscc, "CORE-GZ", "经核实，客户由广州核心代理开发。");

        Assert.True(moved.Succeeded, moved.ToString());
        var notices = await NoticesAsync(NotificationKind.ProtectionArbitrated);
        Assert.Equal(new[] { await UserIdAsync(Gz), await UserIdAsync(Tianhe) }.Order(), notices.Select(n => n.RecipientId).Order());
        AssertSaid(notices[0], "广州通知仲裁测试有限公司", "CORE-GZ");
    }

    [Fact]
    public async Task Protection_reminders_come_once_each_at_14_7_and_1_days_however_often_and_concurrently_the_job_runs_and_never_for_an_ended_protection()
    {
        var tianhe = await UserAsync(Tianhe);
        var registrations = Service<DealRegistrationService>();
        var kept = await registrations.RegisterAsync(tianhe, DealInputs.Registration(DealInputs.NewUscc("440106", 8402), "广州提醒测试甲有限公司", "440106"));
        var lost = await registrations.RegisterAsync(tianhe, DealInputs.Registration(DealInputs.NewUscc("440106", 8403), "广州提醒测试乙有限公司", "440106"));
        Assert.True(kept.Succeeded && lost.Succeeded);
        Assert.True((await Service<DealLifecycleService>().MarkLostAsync(tianhe, lost.Value!.Id)).Succeeded);
        var end = (await ReadAsync(db => db.Deals.SingleAsync(d => d.Id == kept.Value!.Id))).ProtectedUntil!.Value;

        foreach (var at in new[] { end.AddDays(-20), end.AddDays(-14), end.AddDays(-13), end.AddDays(-7), end.AddDays(-3), end.AddDays(-1), end.AddHours(-2) })
        {
            Clock.SetUtcNow(at);
            await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => Job.RunAsync(at))));
            await Job.RunAsync(at);
        }

        var reminders = (await NoticesAsync(NotificationKind.ProtectionExpiring)).Where(n => n.Link == $"/deals/{kept.Value!.Id}").ToList();
        Assert.Equal(["1", "14", "7"], reminders.Select(n => Arguments(n)["days"]).Order(StringComparer.Ordinal));
        var reader = await UserIdAsync(Tianhe);
        Assert.All(reminders, n => Assert.Equal(reader, n.RecipientId));
        Assert.DoesNotContain(await NoticesAsync(NotificationKind.ProtectionExpiring), n => n.Link == $"/deals/{lost.Value!.Id}");
        AssertSaid(reminders[0], "广州提醒测试甲有限公司", "广州提醒测试甲有限公司");
    }

    [Fact]
    public async Task A_held_registration_reminds_the_deciding_managers_once_a_business_day_before_its_deadline_and_tells_the_agent_once_when_it_times_out()
    {
        var held = await Service<DealRegistrationService>().RegisterAsync(await UserAsync(Tianhe), DealInputs.Registration(DealInputs.NewUscc("440106", 8404), "广州天河家居服务 有限责任公司", "440106"));
        Assert.Equal(DealStatus.PendingReview, held.Value!.Status);

        // Held on Monday 2026-06-01: decided by the end of Thursday; reminded from the end of Wednesday.
        var wednesday = TestTime.Calendar.InstantOf(new DateOnly(2026, 6, 3), new TimeOnly(10, 0));
        var thursday = TestTime.Calendar.InstantOf(new DateOnly(2026, 6, 4), new TimeOnly(9, 0));
        var deadline = TestTime.Calendar.EndOfDay(new DateOnly(2026, 6, 4));
        await Job.RunAsync(wednesday);
        Assert.Empty(await NoticesAsync(NotificationKind.DecisionDue));
        await Job.RunAsync(thursday);
        await Job.RunAsync(thursday.AddHours(1));

        var due = await NoticesAsync(NotificationKind.DecisionDue);
        Assert.Equal(new[] { await UserIdAsync(Manager), await UserIdAsync("manager.gd@channels.local") }.Order(), due.Select(n => n.RecipientId).Order());
        AssertSaid(due[0], "2026-06-04", "2026-06-04");

        await Job.RunAsync(deadline);
        await Job.RunAsync(deadline.AddHours(1));

        var timedOut = Assert.Single(await NoticesAsync(NotificationKind.DecisionTimedOut));
        Assert.Equal((await UserIdAsync(Tianhe), $"/deals/{held.Value.Id}"), (timedOut.RecipientId, timedOut.Link));
        AssertSaid(timedOut, "未通过", "Rejected");
    }

    [Fact]
    public async Task An_approved_authorization_is_reminded_once_a_week_before_its_last_day()
    {
        var authorizations = Service<CrossRegionAuthorizationService>();
        var request = await authorizations.RequestAsync(await UserAsync(Gz), new AuthorizationRequestInput
        {
            RegionCode = "440300",
            ValidFrom = TestTime.Today,
            ValidUntil = TestTime.Today.AddDays(30),
            Reason = "深圳展会",
        });
        Assert.True((await authorizations.ApproveAsync(await UserAsync(Manager), request.Value!.Id, null)).Succeeded);
        var lastDay = TestTime.Calendar.InstantOf(TestTime.Today.AddDays(30), new TimeOnly(10, 0));

        foreach (var at in new[] { lastDay.AddDays(-8), lastDay.AddDays(-7), lastDay.AddDays(-6), lastDay.AddDays(-1) })
        {
            Clock.SetUtcNow(at);
            await Job.RunAsync(at);
        }

        var reminder = Assert.Single(await NoticesAsync(NotificationKind.AuthorizationExpiring));
        Assert.Equal(await UserIdAsync(Gz), reminder.RecipientId);
        AssertSaid(reminder, TestTime.Today.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "440300");
    }

    [Fact]
    public async Task A_decided_application_tells_the_recruiting_agent()
    {
        var gz = await UserAsync(Gz);
        var application = await Service<AgentRecruitment>().RecruitAsync(gz, ApplicationInputs.Tier1("T1-NOTE", "广州通知招募科技有限公司", 8405));
        Assert.True(application.Succeeded, application.ToString());
        var applications = Service<AgentApplications>();
        Assert.True((await applications.StartReviewAsync(await UserAsync(Manager), application.Value!.Id)).Succeeded);
        Assert.Empty(await NoticesAsync(NotificationKind.ApplicationDecided));

        Assert.True((await applications.RejectAsync(await UserAsync(Manager), application.Value!.Id, "资质不全")).Succeeded);

        var notice = Assert.Single(await NoticesAsync(NotificationKind.ApplicationDecided));
        Assert.Equal((await UserIdAsync(Gz), "/sub-agents"), (notice.RecipientId, notice.Link));
        AssertSaid(notice, "被驳回", "rejected");
    }

    [Fact]
    public async Task A_disqualification_tells_each_agent_its_cascade_moved_customers_or_agents_of_once()
    {
        var id = await ConfirmedCaseAsync("CORE-GZ", severe: true);

        Assert.True((await Penalties.PenalizeAsync(await UserAsync(Compliance), id, new PenaltyInput())).Succeeded);

        var notices = await NoticesAsync(NotificationKind.CascadeApplied);
        var byReader = new Dictionary<string, string>();
        foreach (var notice in notices)
        {
            var arguments = Arguments(notice);
            byReader.Add(notice.RecipientId, $"{arguments["customers"]}/{arguments["agents"]}");
        }

        Assert.Equal(
            new Dictionary<string, string>
            {
                [await UserIdAsync(Gz)] = "1/2",
                [await UserIdAsync(South)] = "1/2",
                [await UserIdAsync(Tianhe)] = "0/1",
                [await UserIdAsync(Yuexiu)] = "0/1",
            }.OrderBy(p => p.Key),
            byReader.OrderBy(p => p.Key));
        AssertSaid(notices[0], "CORE-GZ", "CORE-GZ");
        Assert.Equal(2, (await NoticesAsync(NotificationKind.PenaltyImposed)).Count);
    }

    [Fact]
    public async Task A_decided_appeal_tells_the_agent_alone()
    {
        var id = await ConfirmedCaseAsync("T1-TIANHE");
        Assert.True((await Penalties.PenalizeAsync(await UserAsync(Compliance), id, new PenaltyInput())).Succeeded);
        Assert.True((await Penalties.AppealAsync(await UserAsync(Tianhe), id, "报价单系伪造。")).Succeeded);

        Assert.True((await Penalties.LiftPenaltyAsync(await UserAsync(Compliance), id, "证据不足，撤销处罚。")).Succeeded);

        var notice = Assert.Single(await NoticesAsync(NotificationKind.AppealDecided));
        Assert.Equal((await UserIdAsync(Tianhe), $"/cases/{id}"), (notice.RecipientId, notice.Link));
        AssertSaid(notice, "撤销处罚", "lifted");
    }

    private async Task<List<Notification>> NoticesAsync(NotificationKind kind) =>
        await ReadAsync(db => db.Notifications.AsNoTracking().Where(n => n.Kind == kind).OrderBy(n => n.Id).ToListAsync());

    private Task<string> UserIdAsync(string email) => ReadAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private static Dictionary<string, string> Arguments(Notification notification) =>
        System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(notification.Arguments)!;

    // Both languages say the notice whole: no placeholder or string-table key is left, and each names what it should.
    private void AssertSaid(Notification notification, string chinese, string english)
    {
        var localizer = Service<IStringLocalizer<SharedResource>>();
        foreach (var (culture, expected) in new[] { ("zh-CN", chinese), ("en", english) })
        {
            var words = NotificationText.Say(localizer, notification, CultureInfo.GetCultureInfo(culture));
            var text = words.Title + " " + words.Body;
            Assert.DoesNotContain("{", text, StringComparison.Ordinal);
            Assert.DoesNotContain("@", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Notice_", text, StringComparison.Ordinal);
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }
    }
}
