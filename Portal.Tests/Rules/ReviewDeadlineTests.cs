using Portal.Domain.Agents;
using Portal.Domain.Authorizations;
using Portal.Domain.Common;
using Portal.Domain.Deals;
using Portal.Domain.Policy;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Rules;

/// <summary>Deadlines in working days of China time with the shipped holiday list, and the default outcomes (ADR 28).</summary>
public sealed class ReviewDeadlineTests
{
    private static readonly WorkingDays Shipped = Load();

    private static ChannelPolicy Policy => new() { WorkingDays = Shipped };

    /// <summary>A wall-clock time in China, as the UTC instant the portal stores.</summary>
    private static DateTime China(int year, int month, int day, int hour, int minute = 0) =>
        BusinessCalendar.China.InstantOf(new DateOnly(year, month, day), new TimeOnly(hour, minute));

    private static DateTime EndOfChinaDay(int year, int month, int day) => BusinessCalendar.China.EndOfDay(new DateOnly(year, month, day));

    [Fact]
    public void A_deadline_skips_the_weekend_and_ends_with_the_last_working_day_in_china()
    {
        // Held on Friday 2026-11-27 at 15:00: Monday, Tuesday, Wednesday.
        Assert.Equal(EndOfChinaDay(2026, 12, 2), Policy.HeldRegistrationDeadline(China(2026, 11, 27, 15)));

        // Ten working days for an application from the same Friday: two full weeks.
        Assert.Equal(EndOfChinaDay(2026, 12, 11), Policy.ApplicationDeadline(China(2026, 11, 27, 15)));

        // The deadline's instant is midnight China time, 16:00 UTC the day before it reads.
        Assert.Equal(TestTime.Utc(2026, 12, 2, 16), Policy.HeldRegistrationDeadline(China(2026, 11, 27, 15)));
    }

    [Fact]
    public void The_day_a_record_starts_waiting_is_chinas_date_not_the_servers()
    {
        // Sunday 17:30 UTC is already Monday 01:30 in China: the count starts after Monday, not after Sunday.
        var mondayInChina = TestTime.Utc(2026, 11, 29, 17, 30);

        Assert.Equal(EndOfChinaDay(2026, 12, 3), Policy.HeldRegistrationDeadline(mondayInChina));
    }

    [Fact]
    public void A_listed_holiday_and_its_make_up_working_day_count_as_the_list_says()
    {
        // Requested on Wednesday 2026-09-30: National Day runs 1–7 October; Thursday 8 and Friday 9 are working days,
        // and Saturday 10 October is the make-up working day (调休).
        Assert.Equal(EndOfChinaDay(2026, 10, 10), Policy.HeldRegistrationDeadline(China(2026, 9, 30, 10)));

        Assert.False(Shipped.IsWorkingDay(new DateOnly(2026, 10, 1)));
        Assert.True(Shipped.IsWorkingDay(new DateOnly(2026, 10, 10)));
        Assert.True(Shipped.IsWorkingDay(new DateOnly(2026, 2, 14)));
        Assert.False(Shipped.IsWorkingDay(new DateOnly(2027, 2, 8)));
    }

    [Fact]
    public void Without_a_holiday_list_only_weekends_are_skipped()
    {
        Assert.Equal(EndOfChinaDay(2026, 10, 5), ChannelPolicy.Default.HeldRegistrationDeadline(China(2026, 9, 30, 10)));
    }

    [Fact]
    public void An_extension_deadline_never_passes_the_protections_end()
    {
        var requestedAt = China(2026, 11, 27, 15);
        var protectedUntil = EndOfChinaDay(2026, 11, 28);

        Assert.Equal(protectedUntil, Policy.ExtensionDeadline(requestedAt, protectedUntil));
        Assert.Equal(EndOfChinaDay(2026, 12, 2), Policy.ExtensionDeadline(requestedAt, EndOfChinaDay(2027, 2, 28)));
    }

    [Theory]
    [InlineData("2026-13-01,holiday")]
    [InlineData("2026-10-01,vacation")]
    [InlineData("2026-10-01")]
    public void A_malformed_holiday_list_is_refused(string line)
    {
        Assert.Throws<FormatException>(() => WorkingDays.Parse(new StringReader(line)));
    }

    [Fact]
    public void An_extension_requested_a_day_before_the_protection_ends_is_refused_at_the_end_and_the_registration_then_expires()
    {
        var deal = DealBuilder.In(DealStatus.Approved).Build();
        var end = DealBuilder.ProtectedUntil;
        deal.RequestExtension("客户采购流程延长", end.AddDays(-1));
        deal.SetReviewDeadline(Policy.ExtensionDeadline(end.AddDays(-1), end));

        Assert.False(deal.CanTimeOut(end.AddTicks(-1)));
        deal.TimeOut(end);

        Assert.Equal((DealStatus.Approved, (DateTime?)end), (deal.Status, deal.ProtectedUntil));
        Assert.True(deal.CanExpire(end));
        deal.Expire(end);
        Assert.Equal(DealStatus.Expired, deal.Status);
    }

    [Fact]
    public void A_held_registration_is_rejected_with_review_timed_out_only_once_its_deadline_has_come()
    {
        var deal = DealBuilder.In(DealStatus.PendingReview).Build();

        var before = deal.Availability(DealAction.TimeOut, DealBuilder.ReviewDeadline.AddTicks(-1));
        Assert.Equal([DealGuardKeys.DecisionDeadlinePassed], before.UnmetGuards);
        Assert.Throws<DomainException>(() => deal.TimeOut(DealBuilder.ReviewDeadline.AddTicks(-1)));

        deal.TimeOut(DealBuilder.ReviewDeadline);

        Assert.Equal(DealStatus.Rejected, deal.Status);
        Assert.Equal([ReasonCode.PossibleDuplicate, ReasonCode.ReviewTimedOut], deal.Reasons.Select(r => r.Code));
        Assert.Equal(DealBuilder.ReviewDeadline, deal.DecidedAt);
        Assert.Throws<DomainException>(() => deal.TimeOut(DealBuilder.ReviewDeadline.AddDays(1)));
    }

    [Fact]
    public void A_record_without_a_deadline_never_times_out()
    {
        var deal = DealBuilder.Draft().Build();
        deal.Submit(TestTime.Now);
        deal.SendToReview([DealBuilder.Reason()]);

        Assert.False(deal.CanTimeOut(TestTime.Days(5000)));
    }

    [Fact]
    public void A_cross_region_request_lapses_and_an_application_is_rejected_at_their_deadlines()
    {
        var authorization = AuthorizationBuilder.Requested().Build();
        var applied = AgentBuilder.Entity(ContractStatus.Applied);
        var underReview = AgentBuilder.Entity(ContractStatus.UnderReview);

        Assert.False(authorization.CanTimeOut(AuthorizationBuilder.ReviewDeadline.AddTicks(-1)));
        Assert.False(applied.CanTimeOut(AgentBuilder.ApplicationDeadline.AddTicks(-1)));
        authorization.TimeOut(AuthorizationBuilder.ReviewDeadline);
        applied.TimeOut(AgentBuilder.ApplicationDeadline);
        underReview.TimeOut(AgentBuilder.ApplicationDeadline);

        Assert.Equal(AuthorizationStatus.Lapsed, authorization.Status);
        Assert.Equal((ContractStatus.Rejected, ContractStatus.Rejected), (applied.Status, underReview.Status));
        Assert.Throws<DomainException>(() => authorization.Approve(AuthorizationBuilder.Manager, AuthorizationBuilder.ReviewDeadline));
    }

    [Fact]
    public void Only_a_pending_record_gets_a_deadline()
    {
        Assert.Throws<DomainException>(() => DealBuilder.In(DealStatus.Approved).Build().SetReviewDeadline(TestTime.Now));
        Assert.Throws<DomainException>(() => AuthorizationBuilder.In(AuthorizationStatus.Approved).Build().SetReviewDeadline(TestTime.Now));
        Assert.Throws<DomainException>(() => AgentBuilder.Entity(ContractStatus.Active).SetReviewDeadline(TestTime.Now));
    }

    private static WorkingDays Load()
    {
        using var reader = File.OpenText(Path.Combine(SourceFiles.Root, "Portal", "Calendar", "holidays-cn.csv"));
        return WorkingDays.Parse(reader);
    }
}
