using Portal.Domain.Common;
using Portal.Domain.Compliance;
using Portal.Domain.Compliance.Penalties;
using Portal.Domain.Policy;
using Portal.Tests.Builders;

namespace Portal.Tests.Rules;

/// <summary>
/// The penalty ladder: confirmed violations in the trailing 12 months set the minimum — Warning, Fine, Suspension,
/// Disqualification; Severe goes straight to Disqualification; harsher only with a written reason, never milder.
/// </summary>
public sealed class PenaltyLadderTests
{
    private static readonly DateTime ConfirmedAt = TestTime.Utc(2026, 6, 1, 2);
    private static readonly DateTime DecidedAt = ConfirmedAt.AddDays(3);

    /// <summary>Earlier confirmations, in months before this case's confirmation.</summary>
    [Theory]
    [InlineData(new int[0], 1, PenaltyKind.Warning)]
    [InlineData(new[] { 3 }, 2, PenaltyKind.Fine)]
    [InlineData(new[] { 3, 7 }, 3, PenaltyKind.Suspension)]
    [InlineData(new[] { 1, 3, 7 }, 4, PenaltyKind.Disqualification)]
    [InlineData(new[] { 1, 2, 3, 4, 5 }, 6, PenaltyKind.Disqualification)]
    [InlineData(new[] { 13 }, 1, PenaltyKind.Warning)] // outside the window
    [InlineData(new[] { 11, 13, 24 }, 2, PenaltyKind.Fine)]
    [InlineData(new[] { 12 }, 2, PenaltyKind.Fine)] // exactly 12 months before: inside
    public void Confirmed_violations_in_the_trailing_12_months_set_the_minimum(int[] monthsAgo, int ordinal, PenaltyKind minimum)
    {
        var history = monthsAgo.Select((m, i) => new ConfirmedViolation(i + 1, ConfirmedAt.AddMonths(-m))).ToList();

        var decision = Decide(history, PenaltyChoice.Minimum);

        Assert.Equal(ordinal, decision.Ordinal);
        Assert.Equal(minimum, decision.Minimum);
        Assert.Equal(minimum, decision.Imposed);
        Assert.False(decision.IsHarsherThanLadder);
    }

    [Theory]
    [InlineData(0, true)] // exactly 12 months before counts
    [InlineData(1, true)] // a second later counts
    [InlineData(-1, false)] // a second earlier does not
    public void The_window_includes_its_edge(int secondsFromEdge, bool counts)
    {
        var edge = ConfirmedAt.AddMonths(-12);
        ConfirmedViolation[] history = [new(1, edge.AddSeconds(secondsFromEdge))];

        var decision = Decide(history, PenaltyChoice.Minimum);

        Assert.Equal(counts ? PenaltyKind.Fine : PenaltyKind.Warning, decision.Minimum);
        Assert.Equal(counts, decision.CountedCaseIds.Contains(1));
    }

    [Fact]
    public void Violations_confirmed_after_this_case_do_not_raise_its_place_on_the_ladder()
    {
        ConfirmedViolation[] history = [new(1, ConfirmedAt.AddMonths(-2)), new(7, ConfirmedAt.AddDays(1)), new(8, ConfirmedAt.AddDays(2))];

        Assert.Equal(PenaltyKind.Fine, Decide(history, PenaltyChoice.Minimum).Minimum);
    }

    [Fact]
    public void Violations_confirmed_at_the_same_instant_are_ordered_by_case()
    {
        ConfirmedViolation[] history = [new(99, ConfirmedAt), new(101, ConfirmedAt)];

        Assert.Equal(2, Decide(history, PenaltyChoice.Minimum).Ordinal); // case 99 before case 100; 101 after
    }

    [Fact]
    public void The_case_being_penalized_is_counted_once_even_if_it_is_in_the_history()
    {
        ConfirmedViolation[] history = [new(100, ConfirmedAt), new(1, ConfirmedAt.AddMonths(-1))];

        var decision = Decide(history, PenaltyChoice.Minimum);

        Assert.Equal([1, 100], decision.CountedCaseIds);
        Assert.Equal(PenaltyKind.Fine, decision.Minimum);
    }

    [Fact]
    public void A_severe_case_goes_straight_to_disqualification()
    {
        var decision = Decide([], PenaltyChoice.Minimum, severe: true);

        Assert.Equal(1, decision.Ordinal);
        Assert.Equal(PenaltyKind.Disqualification, decision.Minimum);
        Assert.True(decision.Disqualifies);
    }

    /// <summary>Second violation: the minimum is a Fine.</summary>
    [Theory]
    [InlineData(null, null, true, PenaltyKind.Fine)]
    [InlineData(PenaltyKind.Fine, null, true, PenaltyKind.Fine)]
    [InlineData(PenaltyKind.Suspension, "三个月内第二次低价倾销，且拒不配合调查", true, PenaltyKind.Suspension)]
    [InlineData(PenaltyKind.Disqualification, "伪造销售报告", true, PenaltyKind.Disqualification)]
    [InlineData(PenaltyKind.Suspension, null, false, null)]
    [InlineData(PenaltyKind.Suspension, "  ", false, null)]
    [InlineData(PenaltyKind.Warning, null, false, null)]
    [InlineData(PenaltyKind.Warning, "初犯情节轻微", false, null)] // milder is refused, reason or not
    public void Compliance_may_go_harsher_than_the_ladder_with_a_written_reason_never_milder(PenaltyKind? chosen, string? reason, bool allowed, PenaltyKind? imposed)
    {
        ConfirmedViolation[] history = [new(1, ConfirmedAt.AddMonths(-4))];

        var decision = Decide(history, new PenaltyChoice(chosen, reason));

        Assert.Equal(allowed, decision.IsAllowed);
        Assert.Equal(imposed, decision.Imposed);
        Assert.Equal(PenaltyKind.Fine, decision.Minimum);
    }

    [Fact]
    public void A_harsher_penalty_without_a_reason_is_refused_on_the_reason_field()
    {
        var decision = Decide([], new PenaltyChoice(PenaltyKind.Fine, null));

        Assert.Equal([new Reason(ReasonCode.ReasonRequired, "reason")], decision.Decision.Reasons);
        Assert.True(decision.IsHarsherThanLadder);
        Assert.Null(decision.AppealDeadline);
    }

    [Fact]
    public void A_milder_penalty_is_refused_on_the_penalty_field()
    {
        var decision = Decide([], new PenaltyChoice(PenaltyKind.Suspension, null), severe: true);

        Assert.Equal([new Reason(ReasonCode.PenaltyBelowLadder, "kind")], decision.Decision.Reasons);
        Assert.Null(decision.Imposed);
    }

    [Fact]
    public void A_suspension_lasts_SuspensionDays_from_the_decision()
    {
        ConfirmedViolation[] history = [new(1, ConfirmedAt.AddMonths(-4)), new(2, ConfirmedAt.AddMonths(-2))];

        var standard = Decide(history, PenaltyChoice.Minimum);
        var longer = PenaltyLadder.Decide(Case(), history, PenaltyChoice.Minimum, new PenaltyOptions { SuspensionDays = 60 }, DecidedAt, TestTime.Calendar);

        Assert.Equal(PenaltyKind.Suspension, standard.Imposed);
        Assert.Equal(EndOfDay(30), standard.SuspendedUntil);
        Assert.Equal(EndOfDay(60), longer.SuspendedUntil);
    }

    [Theory]
    [InlineData(PenaltyKind.Warning)]
    [InlineData(PenaltyKind.Fine)]
    [InlineData(PenaltyKind.Disqualification)]
    public void Only_a_suspension_has_an_end(PenaltyKind penalty)
    {
        var decision = Decide([], new PenaltyChoice(penalty, "理由"));

        Assert.Null(decision.SuspendedUntil);
    }

    [Fact]
    public void A_penalty_may_be_appealed_for_AppealDays()
    {
        Assert.Equal(EndOfDay(15), Decide([], PenaltyChoice.Minimum).AppealDeadline);
        Assert.Equal(
            EndOfDay(7),
            PenaltyLadder.Decide(Case(), [], PenaltyChoice.Minimum, new PenaltyOptions { AppealDays = 7 }, DecidedAt, TestTime.Calendar).AppealDeadline);
    }

    [Theory]
    [InlineData(1, PenaltyKind.Warning)]
    [InlineData(2, PenaltyKind.Fine)]
    [InlineData(3, PenaltyKind.Suspension)]
    [InlineData(4, PenaltyKind.Disqualification)]
    [InlineData(9, PenaltyKind.Disqualification)]
    public void The_ladder_has_four_rungs(int ordinal, PenaltyKind minimum)
    {
        Assert.Equal(minimum, PenaltyLadder.MinimumFor(ordinal, severe: false));
        Assert.Equal(PenaltyKind.Disqualification, PenaltyLadder.MinimumFor(ordinal, severe: true));
    }

    private static PenaltyCase Case(bool severe = false) => new(100, ConfirmedAt, severe);

    private static PenaltyDecision Decide(IReadOnlyList<ConfirmedViolation> history, PenaltyChoice choice, bool severe = false) =>
        PenaltyLadder.Decide(Case(severe), history, choice, new PenaltyOptions(), DecidedAt, TestTime.Calendar);

    // A number of days after the decision's business day, to the end of that day in China.
    private static DateTime EndOfDay(int days) => TestTime.Calendar.EndOfDay(TestTime.Calendar.DateOf(DecidedAt).AddDays(days));
}
