using Microsoft.EntityFrameworkCore;
using Portal.Domain.Agents;
using Portal.Domain.Common;
using Portal.Domain.Compliance;
using Portal.Features;
using Portal.Features.Compliance;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Compliance;

/// <summary>The penalty ladder (DESIGN.md §4) as Compliance meets it through the penalty service, over a real history.</summary>
public sealed class PenaltyLadderServiceTests(PortalAppFixture fixture) : AppTest(fixture)
{

    [Fact]
    public async Task Successive_confirmed_violations_climb_from_warning_to_fine_to_suspension_to_disqualification()
    {
        var compliance = await UserAsync(Compliance);
        var outcomes = new List<PenaltyOutcome>();
        foreach (var input in new[] { new PenaltyInput(), new PenaltyInput(FineAmount: 5000m), new PenaltyInput(), new PenaltyInput() })
        {
            var id = await ConfirmedCaseAsync("T2-YUEXIU");
            var result = await Penalties.PenalizeAsync(compliance, id, input);
            Assert.True(result.Succeeded, string.Join(", ", result.Codes));
            outcomes.Add(result.Value!);
            if (outcomes.Count == 3)
            {
                var suspended = await AgentAsync("T2-YUEXIU");
                Assert.Equal(ContractStatus.Suspended, suspended.Status);
                Assert.Equal(TestTime.Calendar.EndOfDay(TestTime.Calendar.DateOf(Now).AddDays(30)), suspended.SuspendedUntil);
                Assert.Equal(suspended.SuspendedUntil, result.Value!.SuspendedUntil);
            }
        }

        Assert.Equal([PenaltyKind.Warning, PenaltyKind.Fine, PenaltyKind.Suspension, PenaltyKind.Disqualification], outcomes.Select(o => o.Penalty));
        Assert.Equal([1, 2, 3, 4], outcomes.Select(o => o.Ladder.Ordinal));
        Assert.All(outcomes, o => Assert.False(o.HarsherThanLadder));
        Assert.Equal(5000m, outcomes[1].FineAmount);
        Assert.Equal(ContractStatus.Revoked, (await AgentAsync("T2-YUEXIU")).Status);
        Assert.NotNull(outcomes[3].Cascade);
        var lastCase = await ReadAsync(db => db.ViolationCases.SingleAsync(c => c.Id == outcomes[3].CaseId));
        Assert.Equal(TestTime.Calendar.EndOfDay(TestTime.Calendar.DateOf(lastCase.PenalizedAt!.Value).AddDays(15)), lastCase.AppealDeadline);
        Assert.StartsWith("Penalty ladder: Disqualification for confirmed violation 4", lastCase.PenaltyReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_severe_case_goes_straight_to_disqualification()
    {
        var compliance = await UserAsync(Compliance);
        var id = await ConfirmedCaseAsync("T1-SH", severe: true);

        var ladder = await Penalties.PreviewAsync(compliance, id);
        var result = await Penalties.PenalizeAsync(compliance, id, new PenaltyInput());

        Assert.Equal((PenaltyKind.Disqualification, 1), (ladder.Value!.Minimum, ladder.Value.Ordinal));
        Assert.Equal(PenaltyKind.Disqualification, result.Value!.Penalty);
        Assert.Equal(ContractStatus.Revoked, (await AgentAsync("T1-SH")).Status);
    }

    [Fact]
    public async Task A_harsher_penalty_with_a_written_reason_is_imposed()
    {
        var compliance = await UserAsync(Compliance);
        var id = await ConfirmedCaseAsync("T1-TIANHE");

        var result = await Penalties.PenalizeAsync(compliance, id, new PenaltyInput("Suspension", Reason: "拒不配合调查，并向客户施压删除报价记录。"));

        Assert.True(result.Succeeded);
        Assert.True(result.Value!.HarsherThanLadder);
        Assert.Equal((PenaltyKind.Suspension, PenaltyKind.Warning), (result.Value.Penalty, result.Value.Ladder.Minimum));
        Assert.Equal(ContractStatus.Suspended, (await AgentAsync("T1-TIANHE")).Status);
        Assert.Equal("拒不配合调查，并向客户施压删除报价记录。", await ReadAsync(db => db.ViolationCases.Where(c => c.Id == id).Select(c => c.PenaltyReason).SingleAsync()));
    }

    [Fact]
    public async Task A_harsher_penalty_without_a_written_reason_is_invalid_input_and_changes_nothing()
    {
        var compliance = await UserAsync(Compliance);
        var id = await ConfirmedCaseAsync("T1-TIANHE");
        var before = await SnapshotAsync("T1-TIANHE", id);

        var result = await Penalties.PenalizeAsync(compliance, id, new PenaltyInput("Disqualification"));

        Assert.Equal(UseCaseOutcome.Invalid, result.Outcome);
        Assert.Equal([new Reason(ReasonCode.ReasonRequired, InputField.WrittenReason)], result.Reasons);
        Assert.Equal(before, await SnapshotAsync("T1-TIANHE", id));
    }

    [Fact]
    public async Task A_milder_penalty_is_refused_even_with_a_reason_and_changes_nothing()
    {
        var compliance = await UserAsync(Compliance);
        var first = await ConfirmedCaseAsync("T1-TIANHE");
        await Penalties.PenalizeAsync(compliance, first, new PenaltyInput());
        var second = await ConfirmedCaseAsync("T1-TIANHE");
        var before = await SnapshotAsync("T1-TIANHE", second);

        var result = await Penalties.PenalizeAsync(compliance, second, new PenaltyInput("Warning", Reason: "情节轻微，初次合作。"));

        Assert.Equal(UseCaseOutcome.Refused, result.Outcome);
        Assert.Equal([new Reason(ReasonCode.PenaltyBelowLadder, InputField.Penalty, nameof(PenaltyKind.Fine))], result.Reasons);
        Assert.Equal(before, await SnapshotAsync("T1-TIANHE", second));
    }

    [Theory]
    [InlineData(null, null, ReasonCode.Required)]
    [InlineData(null, -100.0, ReasonCode.InvalidValue)]
    [InlineData(null, 0.0, ReasonCode.InvalidValue)]
    [InlineData(null, 10.005, ReasonCode.InvalidValue)]
    [InlineData("Suspension", 100.0, ReasonCode.InvalidValue)]
    public async Task A_fine_needs_a_positive_amount_and_only_a_fine_has_one(string? penalty, double? amount, string code)
    {
        var compliance = await UserAsync(Compliance);
        var warned = await ConfirmedCaseAsync("T1-TIANHE");
        await Penalties.PenalizeAsync(compliance, warned, new PenaltyInput());
        var id = await ConfirmedCaseAsync("T1-TIANHE");
        var before = await SnapshotAsync("T1-TIANHE", id);

        var result = await Penalties.PenalizeAsync(compliance, id, new PenaltyInput(penalty ?? "Fine", (decimal?)amount, penalty is null ? null : "理由"));

        Assert.Equal(UseCaseOutcome.Invalid, result.Outcome);
        Assert.Equal([code], result.ByField()[CaseFields.FineAmount]);
        Assert.Equal(before, await SnapshotAsync("T1-TIANHE", id));
    }

    [Fact]
    public async Task Dismissed_cases_and_penalties_lifted_on_appeal_do_not_count()
    {
        var compliance = await UserAsync(Compliance);
        var lifted = await ConfirmedCaseAsync("T1-TIANHE");
        await Penalties.PenalizeAsync(compliance, lifted, new PenaltyInput());
        await Penalties.AppealAsync(compliance, lifted, "申诉。");
        await Penalties.LiftPenaltyAsync(compliance, lifted, "证据不足，撤销警告。");
        var dismissed = (await Cases.OpenCaseAsync(compliance, new ManualCaseInput("T1-TIANHE", "Other", "疑似违规。"))).Value!.CaseId;
        await Cases.StartInvestigationAsync(compliance, dismissed);
        await Cases.DismissAsync(compliance, dismissed, "不成立。");
        var current = await ConfirmedCaseAsync("T1-TIANHE");

        var result = await Penalties.PenalizeAsync(compliance, current, new PenaltyInput());

        Assert.Equal(PenaltyKind.Warning, result.Value!.Penalty);
        Assert.Equal([current], result.Value.Ladder.CountedCaseIds);
    }

    [Fact]
    public async Task Violations_confirmed_before_the_window_do_not_count()
    {
        var compliance = await UserAsync(Compliance);
        var old = await ConfirmedCaseAsync("T1-TIANHE");
        await Penalties.PenalizeAsync(compliance, old, new PenaltyInput());
        Clock.Advance(TimeSpan.FromDays(366));
        var current = await ConfirmedCaseAsync("T1-TIANHE");

        var result = await Penalties.PenalizeAsync(compliance, current, new PenaltyInput());

        Assert.Equal((PenaltyKind.Warning, 1), (result.Value!.Penalty, result.Value.Ladder.Ordinal));
    }

    [Fact]
    public async Task A_suspended_agent_cannot_be_suspended_again()
    {
        var compliance = await UserAsync(Compliance);
        var first = await ConfirmedCaseAsync("T1-TIANHE");
        await Penalties.PenalizeAsync(compliance, first, new PenaltyInput("Suspension", Reason: "严重扰乱价格体系。"));
        var second = await ConfirmedCaseAsync("T1-TIANHE");

        var result = await Penalties.PenalizeAsync(compliance, second, new PenaltyInput("Suspension", Reason: "再次违规。"));

        Assert.Equal([new Reason(UseCaseCode.PenaltyNotApplicable, CaseFields.Penalty, nameof(ContractStatus.Suspended))], result.Reasons);
        Assert.Equal(CaseState.Confirmed, await ReadAsync(db => db.ViolationCases.Where(c => c.Id == second).Select(c => c.State).SingleAsync()));
    }

    [Fact]
    public async Task Penalizing_a_case_that_is_not_confirmed_is_refused()
    {
        var compliance = await UserAsync(Compliance);
        var id = (await Cases.OpenCaseAsync(compliance, new ManualCaseInput("T1-TIANHE", "Other", "待调查。"))).Value!.CaseId;

        var result = await Penalties.PenalizeAsync(compliance, id, new PenaltyInput());
        var ladder = await Penalties.PreviewAsync(compliance, id);

        Assert.Equal([new Reason(TransitionCode.NotAllowedInState, null, nameof(CaseAction.Penalize))], result.Reasons);
        Assert.Equal(UseCaseOutcome.Refused, ladder.Outcome);
    }

    // What a refused penalty must leave as it was: the case, the agent, and the audit trail's length.
    private Task<(CaseState, PenaltyKind?, ContractStatus, int, long)> SnapshotAsync(string agentCode, int caseId) =>
        ReadAsync(async db =>
        {
            var violation = await db.ViolationCases.AsNoTracking().SingleAsync(c => c.Id == caseId);
            var agent = await db.Agents.AsNoTracking().SingleAsync(a => a.Code == agentCode);
            return (violation.State, violation.Penalty, agent.Status, agent.Version, await db.AuditEntries.LongCountAsync());
        });
}
