using Portal.Components.Common;
using Portal.Domain.Compliance;
using Portal.Features;
using Portal.Features.Compliance;

namespace Portal.Tests.Compliance;

/// <summary>Who may do what with cases, and who sees which (ADR 8): roles checked in every method, visibility by the query filters.</summary>
public sealed class CaseAccessTests : IAsyncLifetime
{
    private static readonly PageRequest FirstPage = new(0, 50, null, false);
    private ComplianceApp _app = null!;

    public async Task InitializeAsync() => _app = await ComplianceApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_reseller_cannot_investigate_decide_or_penalize()
    {
        var reseller = await _app.ResellerOfAsync("SP-SOUTH");
        var id = await _app.ConfirmedCaseAsync("T1-TIANHE");

        await Assert.ThrowsAsync<AccessDeniedException>(() => _app.Penalties.PenalizeAsync(reseller, id, new PenaltyInput()));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _app.Penalties.LadderAsync(reseller, id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _app.Cases.StartInvestigationAsync(reseller, id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _app.Cases.AddNoteAsync(reseller, id, "备注"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _app.Cases.OpenCaseAsync(reseller, new ManualCaseInput("T1-TIANHE", "Other", "描述")));
        Assert.Equal(CaseState.Confirmed, (await _app.Queries.GetAsync(await _app.ComplianceAsync(), id))!.State);
    }

    [Fact]
    public async Task A_channel_manager_opens_a_case_but_leaves_the_investigation_to_compliance()
    {
        var manager = await _app.UserAsync("manager@channels.local");

        var opened = await _app.Cases.OpenCaseAsync(manager, new ManualCaseInput("core-sz", "CrossRegion", "在广州市承接项目，无跨区授权。"));

        Assert.True(opened.Succeeded);
        Assert.Equal(CaseState.Reported, opened.Value!.State);
        await Assert.ThrowsAsync<AccessDeniedException>(() => _app.Cases.StartInvestigationAsync(manager, opened.Value.CaseId));
        var unknown = await _app.Cases.OpenCaseAsync(manager, new ManualCaseInput("CORE-XX", "Other", "描述"));
        Assert.Equal([CaseReasonCodes.UnknownAgent], unknown.ErrorsByField()[CaseFields.SubjectAgentCode]);
    }

    [Fact]
    public async Task The_admin_reads_no_case()
    {
        var admin = await _app.UserAsync("admin@channels.local");

        await Assert.ThrowsAsync<AccessDeniedException>(() => _app.Queries.ListAsync(admin, new CaseFilter(), FirstPage));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _app.Queries.GetAsync(admin, 1));
    }

    [Fact]
    public async Task A_resellers_case_list_shows_only_cases_about_its_own_subtree()
    {
        var tianhe = await _app.ConfirmedCaseAsync("T1-TIANHE");
        var gz = await _app.ConfirmedCaseAsync("CORE-GZ");
        var sz = await _app.ConfirmedCaseAsync("CORE-SZ");
        var unidentified = (await _app.Cases.FileReportAsync(null, new ViolationReportInput("某代理", "Other", "描述"))).Value!.CaseId;

        Assert.Equal([unidentified, sz, gz, tianhe], await ListAsync(await _app.ComplianceAsync()));
        Assert.Equal([unidentified, sz, gz, tianhe], await ListAsync(await _app.UserAsync("manager@channels.local")));
        Assert.Equal([gz, tianhe], await ListAsync(await _app.UserAsync("south@channels.local")));
        Assert.Equal([gz, tianhe], await ListAsync(await _app.UserAsync("gz@channels.local")));
        Assert.Equal([tianhe], await ListAsync(await _app.UserAsync("tianhe@channels.local")));
        Assert.Empty(await ListAsync(await _app.UserAsync("yuexiu@channels.local")));
        Assert.Equal([sz], await ListAsync(await _app.UserAsync("sz@channels.local")));
        Assert.Null(await _app.Queries.GetAsync(await _app.UserAsync("tianhe@channels.local"), gz));
        Assert.NotNull(await _app.Queries.GetAsync(await _app.UserAsync("gz@channels.local"), tianhe));
    }

    [Fact]
    public async Task The_case_list_filters_and_sorts_in_the_database()
    {
        var compliance = await _app.ComplianceAsync();
        var discount = await _app.ConfirmedCaseAsync("T2-YUEXIU", type: "DiscountSelling");
        var crossRegion = await _app.ConfirmedCaseAsync("CORE-SZ", type: "CrossRegion");
        var reported = (await _app.Cases.FileReportAsync(null, new ViolationReportInput("CORE-BJ", "CrossRegion", "描述"))).Value!.CaseId;

        var confirmed = await _app.Queries.ListAsync(compliance, new CaseFilter(State: CaseState.Confirmed), FirstPage);
        var crossRegionCases = await _app.Queries.ListAsync(compliance, new CaseFilter(Type: ViolationType.CrossRegion), FirstPage);
        var reports = await _app.Queries.ListAsync(compliance, new CaseFilter(Source: CaseSource.Report), FirstPage);
        var byAgent = await _app.Queries.ListAsync(compliance, new CaseFilter(), new PageRequest(0, 50, nameof(CaseRow.SubjectAgentCode), false));
        var secondPage = await _app.Queries.ListAsync(compliance, new CaseFilter(), new PageRequest(1, 2, nameof(CaseRow.Id), false));

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
    public async Task Only_compliance_sees_how_to_reach_the_reporter()
    {
        var id = (await _app.Cases.FileReportAsync(null, new ViolationReportInput("T1-TIANHE", "DiscountSelling", "八折报价。", "wechat: reporter01"))).Value!.CaseId;
        await _app.Cases.StartInvestigationAsync(await _app.ComplianceAsync(), id);

        Assert.Equal("wechat: reporter01", (await _app.Queries.GetAsync(await _app.ComplianceAsync(), id))!.ReporterContact);
        Assert.Null((await _app.Queries.GetAsync(await _app.UserAsync("manager@channels.local"), id))!.ReporterContact);
        Assert.Null((await _app.Queries.GetAsync(await _app.UserAsync("tianhe@channels.local"), id))!.ReporterContact);
    }

    [Fact]
    public async Task A_reseller_appeals_its_own_penalty_but_not_a_sub_agents_nor_another_branchs()
    {
        var compliance = await _app.ComplianceAsync();
        var tianheCase = await _app.ConfirmedCaseAsync("T1-TIANHE");
        await _app.Penalties.PenalizeAsync(compliance, tianheCase, new PenaltyInput());
        var szCase = await _app.ConfirmedCaseAsync("CORE-SZ");
        await _app.Penalties.PenalizeAsync(compliance, szCase, new PenaltyInput());
        var tianhe = await _app.UserAsync("tianhe@channels.local");
        var gz = await _app.UserAsync("gz@channels.local");

        var parentDetail = (await _app.Queries.GetAsync(gz, tianheCase))!;
        var ownDetail = (await _app.Queries.GetAsync(tianhe, tianheCase))!;
        await Assert.ThrowsAsync<AccessDeniedException>(() => _app.Penalties.AppealAsync(gz, tianheCase, "代下级申诉。"));
        var otherBranch = await _app.Penalties.AppealAsync(tianhe, szCase, "申诉。");
        var own = await _app.Penalties.AppealAsync(tianhe, tianheCase, "报价单系伪造。");

        Assert.Empty(parentDetail.Actions);
        Assert.Equal([CaseAction.Appeal], ownDetail.Actions.Select(a => a.Action));
        Assert.Equal(CaseOutcome.NotFound, otherBranch.Outcome);
        Assert.Equal(CaseState.Appealed, own.Value!.State);
    }

    private async Task<int[]> ListAsync(Portal.Auth.CurrentUser user) =>
        [.. (await _app.Queries.ListAsync(user, new CaseFilter(), FirstPage)).Items.Select(r => r.Id)];
}
