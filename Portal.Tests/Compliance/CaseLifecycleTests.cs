using Microsoft.EntityFrameworkCore;
using Portal.Domain.Agents;
using Portal.Domain.Common;
using Portal.Domain.Compliance;
using Portal.Features;
using Portal.Features.Compliance;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Compliance;

/// <summary>A case's life through the services (DESIGN.md §5.4), with the clock moved by hand.</summary>
public sealed class CaseLifecycleTests(PortalAppFixture fixture) : AppTest(fixture)
{
    private static readonly byte[] QuotePdf = EvidenceFiles.Pdf("报价单 OIS-STD 1580.00");

    [Fact]
    public async Task A_report_is_investigated_confirmed_penalized_appealed_and_closed_with_the_penalty_upheld()
    {
        var compliance = await UserAsync(Compliance);
        var tianhe = await ResellerOfAsync("T1-TIANHE");
        var id = (await Cases.FileReportAsync(null, new ViolationReportInput("T1-TIANHE", "DiscountSelling", "标准版报价 1580 元/席位·年。"))).Value!.CaseId;

        var steps = new List<CaseState>
        {
            (await Cases.StartInvestigationAsync(compliance, id)).Value!.State,
            (await Evidence.AddAsync(compliance, id, new EvidenceUpload("客户提供的报价单", "quote.pdf", new MemoryStream(QuotePdf)))).Succeeded ? CaseState.UnderInvestigation : CaseState.Reported,
            (await Cases.AddNoteAsync(compliance, id, "已电话联系客户核实报价。")).Value!.State,
            (await Cases.ConfirmAsync(compliance, id, note: "报价单属实。")).Value!.State,
            (await Penalties.PenalizeAsync(compliance, id, new PenaltyInput())).Value!.State,
        };
        Clock.Advance(TimeSpan.FromDays(3));
        steps.Add((await Penalties.AppealAsync(tianhe, id, "报价单为草稿，未实际成交。")).Value!.State);
        steps.Add((await Penalties.UpholdPenaltyAsync(compliance, id, "草稿已发给客户，构成报价。")).Value!.State);

        Assert.Equal(
            [CaseState.UnderInvestigation, CaseState.UnderInvestigation, CaseState.UnderInvestigation, CaseState.Confirmed, CaseState.Penalized, CaseState.Appealed, CaseState.Closed],
            steps);
        var detail = (await Queries.GetAsync(compliance, id))!;
        Assert.Equal(PenaltyKind.Warning, detail.Penalty!.Kind);
        Assert.False(detail.Penalty.Lifted);
        Assert.Equal(TestTime.Calendar.EndOfDay(TestTime.Today.AddDays(15)), detail.Penalty.AppealDeadline);
        Assert.Equal(Now, detail.ClosedAt);
        var evidence = Assert.Single(detail.Evidence);
        Assert.Equal(("quote.pdf", EvidenceFiles.Sha256(QuotePdf), compliance.Email), (evidence.FileName, evidence.Sha256, evidence.AddedBy));
        Assert.Equal(["已电话联系客户核实报价。", "报价单属实。", "报价单为草稿，未实际成交。", "草稿已发给客户，构成报价。"], detail.Notes.Select(n => n.Text));
        Assert.Equal(tianhe.Email, detail.Notes[2].Author);
        Assert.DoesNotContain(detail.Actions, a => a.IsAllowed);
        var actions = await ReadAsync(db => db.AuditEntries.Where(e => e.EntityType == "ViolationCase" && e.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture)).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync());
        Assert.Equal(
            ["ViolationReported", "CaseInvestigationStarted", "CaseEvidenceAdded", "CaseNoteAdded", "CaseConfirmed", "CasePenalized", "CaseAppealed", "CasePenaltyUpheld"],
            actions);
    }

    [Fact]
    public async Task A_penalized_case_closes_only_once_the_appeal_window_has_passed()
    {
        var compliance = await UserAsync(Compliance);
        var id = await ConfirmedCaseAsync("T1-TIANHE");
        var penalized = await Penalties.PenalizeAsync(compliance, id, new PenaltyInput());

        var tooEarly = await Penalties.CloseAsync(compliance, id);
        Clock.Advance(penalized.Value!.AppealDeadline - Now);
        var lateAppeal = await Penalties.AppealAsync(compliance, id, "逾期申诉。");
        var closed = await Penalties.CloseAsync(compliance, id);

        Assert.Equal(UseCaseOutcome.Refused, tooEarly.Outcome);
        Assert.Equal([CaseGuardKeys.AppealWindowClosed], tooEarly.UnmetGuards);
        Assert.Equal([ReasonCode.AppealWindowClosed], lateAppeal.Codes);
        Assert.True(closed.Succeeded);
        Assert.Equal(CaseState.Closed, closed.Value!.State);
        var stored = await ReadAsync(db => db.ViolationCases.SingleAsync(c => c.Id == id));
        Assert.Equal((PenaltyKind?)PenaltyKind.Warning, stored.Penalty);
        Assert.Equal(Now, stored.ClosedAt);
    }

    [Fact]
    public async Task The_case_detail_offers_the_actions_of_its_state_with_the_guards_that_hold_them_back()
    {
        var compliance = await UserAsync(Compliance);
        var id = await ConfirmedCaseAsync("T1-TIANHE");
        await Penalties.PenalizeAsync(compliance, id, new PenaltyInput());

        var detail = (await Queries.GetAsync(compliance, id))!;

        var appeal = detail.Actions.Single(a => a.Action == CaseAction.Appeal);
        var close = detail.Actions.Single(a => a.Action == CaseAction.Close);
        Assert.True(appeal.IsAllowed);
        Assert.False(close.IsAllowed);
        Assert.True(close.AppliesInState);
        Assert.Equal([CaseGuardKeys.AppealWindowClosed], close.UnmetGuards);
        Assert.False(detail.Actions.Single(a => a.Action == CaseAction.Confirm).AppliesInState);
    }

    [Fact]
    public async Task A_dismissed_case_is_final_and_cannot_be_penalized()
    {
        var compliance = await UserAsync(Compliance);
        var id = (await Cases.OpenCaseAsync(compliance, new ManualCaseInput("T1-TIANHE", "CrossRegion", "疑似跨区销售。"))).Value!.CaseId;
        await Cases.StartInvestigationAsync(compliance, id);

        var dismissed = await Cases.DismissAsync(compliance, id, "客户地址在天河区，未跨区。");
        var penalized = await Penalties.PenalizeAsync(compliance, id, new PenaltyInput());

        Assert.Equal(CaseState.Dismissed, dismissed.Value!.State);
        Assert.Equal(UseCaseOutcome.Refused, penalized.Outcome);
        Assert.Equal([new Reason(TransitionCode.NotAllowedInState, null, nameof(CaseAction.Penalize))], penalized.Reasons);
    }

    [Fact]
    public async Task Lifting_a_suspension_on_appeal_reinstates_the_agent_and_the_case_no_longer_counts()
    {
        var compliance = await UserAsync(Compliance);
        var yuexiu = await ResellerOfAsync("T2-YUEXIU");
        var first = await ConfirmedCaseAsync("T2-YUEXIU");
        await Penalties.PenalizeAsync(compliance, first, new PenaltyInput());
        var second = await ConfirmedCaseAsync("T2-YUEXIU");
        await Penalties.PenalizeAsync(compliance, second, new PenaltyInput(FineAmount: 2000m));
        var third = await ConfirmedCaseAsync("T2-YUEXIU");
        var suspended = await Penalties.PenalizeAsync(compliance, third, new PenaltyInput());
        Assert.Equal(PenaltyKind.Suspension, suspended.Value!.Penalty);
        Assert.Equal(ContractStatus.Suspended, (await AgentAsync("T2-YUEXIU")).Status);

        Clock.Advance(TimeSpan.FromDays(2));
        await Penalties.AppealAsync(yuexiu, third, "第三起案件的客户系我司原有客户，价格为续费折扣。");
        var lifted = await Penalties.LiftPenaltyAsync(compliance, third, "续费价格经厂商书面同意，撤销处罚。");

        Assert.True(lifted.Succeeded);
        var agent = await AgentAsync("T2-YUEXIU");
        Assert.Equal((ContractStatus.Active, (DateTime?)null), (agent.Status, agent.SuspendedUntil));
        var detail = (await Queries.GetAsync(compliance, third))!;
        Assert.True(detail.Penalty!.Lifted);
        Assert.Null(detail.Penalty.Kind);
        var fourth = await ConfirmedCaseAsync("T2-YUEXIU");
        var ladder = await Penalties.PreviewAsync(compliance, fourth);
        Assert.Equal((PenaltyKind.Suspension, 3), (ladder.Value!.Minimum, ladder.Value.Ordinal));
        Assert.Equal([first, second, fourth], ladder.Value.CountedCases.Select(c => c.Id));
        var reinstated = await ReadAsync(db => db.AuditEntries.SingleAsync(e => e.Action == "AgentReinstated"));
        Assert.Equal(agent.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), reinstated.EntityId);
    }

    [Fact]
    public async Task A_disqualification_cannot_be_lifted_on_appeal_only_upheld()
    {
        var compliance = await UserAsync(Compliance);
        var id = await ConfirmedCaseAsync("T1-SH", severe: true);
        await Penalties.PenalizeAsync(compliance, id, new PenaltyInput());
        await Penalties.AppealAsync(compliance, id, "代理商来函申诉。");

        var lifted = await Penalties.LiftPenaltyAsync(compliance, id, "撤销。");
        var upheld = await Penalties.UpholdPenaltyAsync(compliance, id, "维持取消资格决定。");

        Assert.Equal(UseCaseOutcome.Refused, lifted.Outcome);
        Assert.Equal([UseCaseCode.DisqualificationIrreversible], lifted.Codes);
        Assert.Equal(CaseState.Closed, upheld.Value!.State);
        Assert.Equal(ContractStatus.Revoked, (await AgentAsync("T1-SH")).Status);
    }

    [Fact]
    public async Task Deciding_an_appeal_needs_a_written_note()
    {
        var compliance = await UserAsync(Compliance);
        var id = await ConfirmedCaseAsync("T1-TIANHE");
        await Penalties.PenalizeAsync(compliance, id, new PenaltyInput());
        await Penalties.AppealAsync(compliance, id, "申诉。");

        var upheld = await Penalties.UpholdPenaltyAsync(compliance, id, " ");
        var lifted = await Penalties.LiftPenaltyAsync(compliance, id, null);

        Assert.Equal([ReasonCode.Required], upheld.ByField()[CaseFields.Note]);
        Assert.Equal([ReasonCode.Required], lifted.ByField()[CaseFields.Note]);
        Assert.Equal(CaseState.Appealed, await ReadAsync(db => db.ViolationCases.Where(c => c.Id == id).Select(c => c.State).SingleAsync()));
    }

    [Fact]
    public async Task A_case_that_does_not_exist_is_not_found()
    {
        var compliance = await UserAsync(Compliance);

        Assert.Equal(UseCaseOutcome.NotFound, (await Cases.StartInvestigationAsync(compliance, 999)).Outcome);
        Assert.Equal(UseCaseOutcome.NotFound, (await Cases.AddNoteAsync(compliance, 999, "备注")).Outcome);
        Assert.Equal(UseCaseOutcome.NotFound, (await Penalties.PenalizeAsync(compliance, 999, new PenaltyInput())).Outcome);
        Assert.Null(await Queries.GetAsync(compliance, 999));
    }
}
