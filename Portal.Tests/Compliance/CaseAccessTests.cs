using Portal.Components.Common;
using Portal.Domain.Compliance;
using Portal.Features;
using Portal.Features.Compliance;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Compliance;

/// <summary>Who may do what with cases, and who sees which (ADR 8): roles checked in every method, visibility by the query filters.</summary>
public sealed class CaseAccessTests(PortalAppFixture fixture) : AppTest(fixture)
{
    private static readonly PageRequest FirstPage = new(0, 50, null, false);

    [Fact]
    public async Task A_reseller_cannot_investigate_decide_or_penalize()
    {
        var reseller = await ResellerOfAsync("SP-SOUTH");
        var id = await ConfirmedCaseAsync("T1-TIANHE");

        await Assert.ThrowsAsync<AccessDeniedException>(() => Penalties.PenalizeAsync(reseller, id, new PenaltyInput()));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Penalties.PreviewAsync(reseller, id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Cases.StartInvestigationAsync(reseller, id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Cases.AddNoteAsync(reseller, id, "备注"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Cases.OpenCaseAsync(reseller, new ManualCaseInput("T1-TIANHE", "Other", "描述")));
        Assert.Equal(CaseState.Confirmed, (await Queries.GetAsync(await UserAsync(Compliance), id))!.State);
    }

    [Fact]
    public async Task A_channel_manager_opens_a_case_but_leaves_the_investigation_to_compliance()
    {
        var manager = await UserAsync("manager@channels.local");

        var opened = await Cases.OpenCaseAsync(manager, new ManualCaseInput("core-sz", "CrossRegion", "在广州市承接项目，无跨区授权。"));

        Assert.True(opened.Succeeded);
        Assert.Equal(CaseState.Reported, opened.Value!.State);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Cases.StartInvestigationAsync(manager, opened.Value.CaseId));
        var unknown = await Cases.OpenCaseAsync(manager, new ManualCaseInput("CORE-XX", "Other", "描述"));
        Assert.Equal([UseCaseCode.UnknownAgent], unknown.ByField()[CaseFields.SubjectAgentCode]);
    }

    [Fact]
    public async Task The_admin_reads_no_case()
    {
        var admin = await UserAsync("admin@channels.local");

        await Assert.ThrowsAsync<AccessDeniedException>(() => Queries.ListAsync(admin, new CaseFilter(), FirstPage));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Queries.GetAsync(admin, 1));
    }

    [Fact]
    public async Task A_resellers_case_list_shows_only_cases_about_its_own_subtree()
    {
        var tianhe = await ConfirmedCaseAsync("T1-TIANHE");
        var gz = await ConfirmedCaseAsync("CORE-GZ");
        var sz = await ConfirmedCaseAsync("CORE-SZ");
        var unidentified = (await Cases.FileReportAsync(null, new ViolationReportInput("某代理", "Other", "描述"))).Value!.CaseId;

        Assert.Equal([unidentified, sz, gz, tianhe], await ListAsync(await UserAsync(Compliance)));
        Assert.Equal([unidentified, sz, gz, tianhe], await ListAsync(await UserAsync("manager@channels.local")));
        Assert.Equal([gz, tianhe], await ListAsync(await UserAsync("south@channels.local")));
        Assert.Equal([gz, tianhe], await ListAsync(await UserAsync("gz@channels.local")));
        Assert.Equal([tianhe], await ListAsync(await UserAsync("tianhe@channels.local")));
        Assert.Empty(await ListAsync(await UserAsync("yuexiu@channels.local")));
        Assert.Equal([sz], await ListAsync(await UserAsync("sz@channels.local")));
        Assert.Null(await Queries.GetAsync(await UserAsync("tianhe@channels.local"), gz));
        Assert.NotNull(await Queries.GetAsync(await UserAsync("gz@channels.local"), tianhe));
    }

    [Fact]
    public async Task The_case_list_filters_and_sorts_in_the_database()
    {
        var compliance = await UserAsync(Compliance);
        var discount = await ConfirmedCaseAsync("T2-YUEXIU", type: "DiscountSelling");
        var crossRegion = await ConfirmedCaseAsync("CORE-SZ", type: "CrossRegion");
        var reported = (await Cases.FileReportAsync(null, new ViolationReportInput("CORE-BJ", "CrossRegion", "描述"))).Value!.CaseId;

        var confirmed = await Queries.ListAsync(compliance, new CaseFilter(State: CaseState.Confirmed), FirstPage);
        var crossRegionCases = await Queries.ListAsync(compliance, new CaseFilter(Type: ViolationType.CrossRegion), FirstPage);
        var reports = await Queries.ListAsync(compliance, new CaseFilter(Source: CaseSource.Report), FirstPage);
        var byAgent = await Queries.ListAsync(compliance, new CaseFilter(), new PageRequest(0, 50, nameof(CaseRow.SubjectAgentCode), false));
        var secondPage = await Queries.ListAsync(compliance, new CaseFilter(), new PageRequest(1, 2, nameof(CaseRow.Id), false));

        Assert.Equal([crossRegion, discount], confirmed.Items.Select(r => r.Id));
        Assert.Equal([reported, crossRegion], crossRegionCases.Items.Select(r => r.Id));
        Assert.Equal([reported], reports.Items.Select(r => r.Id));
        Assert.Equal(["CORE-BJ", "CORE-SZ", "T2-YUEXIU"], byAgent.Items.Select(r => r.SubjectAgentCode));
        Assert.Equal(3, secondPage.TotalCount);
        Assert.Equal([reported], secondPage.Items.Select(r => r.Id));
        var row = byAgent.Items[1];
        Assert.Equal((crossRegion, ViolationType.CrossRegion, CaseState.Confirmed, CaseSource.Manual), (row.Id, row.Type, row.State, row.Source));
    }

    [Fact]
    public async Task Only_compliance_sees_how_to_reach_the_reporter_and_the_agent_learns_of_a_case_once_confirmed()
    {
        var id = (await Cases.FileReportAsync(null, new ViolationReportInput("T1-TIANHE", "DiscountSelling", "八折报价。", "wechat: reporter01"))).Value!.CaseId;
        await Cases.StartInvestigationAsync(await UserAsync(Compliance), id);
        Assert.Null(await Queries.GetAsync(await UserAsync("tianhe@channels.local"), id));
        await Cases.ConfirmAsync(await UserAsync(Compliance), id, note: "属实。");

        Assert.Equal("wechat: reporter01", (await Queries.GetAsync(await UserAsync(Compliance), id))!.ReporterContact);
        Assert.Null((await Queries.GetAsync(await UserAsync("manager@channels.local"), id))!.ReporterContact);
        Assert.Null((await Queries.GetAsync(await UserAsync("tianhe@channels.local"), id))!.ReporterContact);
    }

    [Fact]
    public async Task A_reseller_appeals_its_own_penalty_but_not_a_sub_agents_nor_another_branchs()
    {
        var compliance = await UserAsync(Compliance);
        var tianheCase = await ConfirmedCaseAsync("T1-TIANHE");
        await Penalties.PenalizeAsync(compliance, tianheCase, new PenaltyInput());
        var szCase = await ConfirmedCaseAsync("CORE-SZ");
        await Penalties.PenalizeAsync(compliance, szCase, new PenaltyInput());
        var tianhe = await UserAsync("tianhe@channels.local");
        var gz = await UserAsync("gz@channels.local");

        var parentDetail = (await Queries.GetAsync(gz, tianheCase))!;
        var ownDetail = (await Queries.GetAsync(tianhe, tianheCase))!;
        await Assert.ThrowsAsync<AccessDeniedException>(() => Penalties.AppealAsync(gz, tianheCase, "代下级申诉。"));
        var otherBranch = await Penalties.AppealAsync(tianhe, szCase, "申诉。");
        var own = await Penalties.AppealAsync(tianhe, tianheCase, "报价单系伪造。");

        Assert.Empty(parentDetail.Actions);
        Assert.Equal([CaseAction.Appeal], ownDetail.Actions.Select(a => a.Action));
        Assert.Equal(UseCaseOutcome.NotFound, otherBranch.Outcome);
        Assert.Equal(CaseState.Appealed, own.Value!.State);
    }

    private async Task<int[]> ListAsync(Portal.Auth.CurrentUser user) =>
        [.. (await Queries.ListAsync(user, new CaseFilter(), FirstPage)).Items.Select(r => r.Id)];
}
