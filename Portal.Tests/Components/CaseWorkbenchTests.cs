using Bunit;
using Portal.Data.Identity;
using Portal.Features.Agents;
using Portal.Features.Compliance;
using Portal.Features.Compliance.Pages;
using Portal.Localization;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Components;

/// <summary>
/// The case page's components with the real services: the steps its machine offers with the guard sentences of those it
/// holds back, and the penalty form that shows a disqualification's cascade and runs it only once confirmed.
/// </summary>
public sealed class CaseWorkbenchTests : PortalTestContext, IClassFixture<PortalAppFixture>
{
    private readonly PortalAppFactory _app;

    public CaseWorkbenchTests(PortalAppFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        _app = fixture.App;
        UseApp(_app, typeof(ViolationCaseService), typeof(PenaltyService), typeof(Investigators), typeof(AgentDirectory), typeof(ViolationCaseQueries), typeof(CaseEvidenceService), typeof(Portal.Domain.Policy.ChannelPolicy));
        AddAuthorization().SetAuthorized("compliance@channels.local").SetRoles(PortalRoles.Compliance);
    }

    [Theory]
    [InlineData(PortalCultures.Chinese, "须先确定被举报的代理商，方可确认违规。")]
    [InlineData(PortalCultures.English, "The violation can be confirmed only once the agent concerned has been identified.")]
    public async Task A_report_whose_agent_is_unknown_cannot_be_confirmed_and_says_why(string culture, string guard)
    {
        UseCulture(culture);
        var compliance = await _app.UserAsync("compliance@channels.local");
        var cases = _app.Service<ViolationCaseService>();
        var id = (await cases.FileReportAsync(null, new ViolationReportInput("天河某代理", "DiscountSelling", "八折报价。"))).Value!.CaseId;
        Assert.True((await cases.StartInvestigationAsync(compliance, id)).Succeeded);
        var detail = (await _app.Service<ViolationCaseQueries>().GetAsync(compliance, id))!;

        var panel = Render<CaseActionsPanel>(p => p.Add(c => c.Case, detail).Add(c => c.OnDone, _ => { }));

        Assert.True(panel.Find("[data-action='Confirm']").HasAttribute("disabled"));
        Assert.False(panel.Find("[data-action='Dismiss']").HasAttribute("disabled"));
        Assert.Equal(guard, panel.Find("[data-guard='SubjectAgentIdentified']").TextContent.Trim());
        Assert.Empty(panel.FindAll("[data-action='StartInvestigation']"));
        Assert.NotEmpty(panel.FindAll("[data-action='IdentifySubject']"));
    }

    [Fact]
    public async Task A_dismissal_without_a_reason_is_refused_on_the_field_and_changes_nothing()
    {
        var compliance = await _app.UserAsync("compliance@channels.local");
        var cases = _app.Service<ViolationCaseService>();
        var id = (await cases.FileReportAsync(null, new ViolationReportInput("T1-TIANHE", "Other", "描述"))).Value!.CaseId;
        Assert.True((await cases.StartInvestigationAsync(compliance, id)).Succeeded);
        var detail = (await _app.Service<ViolationCaseQueries>().GetAsync(compliance, id))!;
        var panel = Render<CaseActionsPanel>(p => p.Add(c => c.Case, detail).Add(c => c.OnDone, _ => { }));

        panel.Find("[data-action='Dismiss']").Click();
        panel.Find("[data-testid='action-confirm']").Click();

        panel.WaitForAssertion(() => Assert.Contains("REQUIRED", panel.Find("[data-testid='case-action-form']").TextContent, StringComparison.Ordinal));
        Assert.Equal(Portal.Domain.Compliance.CaseState.UnderInvestigation, (await _app.Service<ViolationCaseQueries>().GetAsync(compliance, id))!.State);
    }

    [Fact]
    public async Task A_file_over_the_limit_dropped_on_the_page_is_refused_and_the_page_goes_on()
    {
        var compliance = await _app.UserAsync("compliance@channels.local");
        var cases = _app.Service<ViolationCaseService>();
        var id = (await cases.OpenCaseAsync(compliance, new ManualCaseInput("T1-TIANHE", "Other", "核实中。"))).Value!.CaseId;
        var detail = (await _app.Service<ViolationCaseQueries>().GetAsync(compliance, id))!;
        var panel = Render<EvidencePanel>(p => p.Add(c => c.Case, detail).Add(c => c.OnAdded, () => { }));
        var tooLarge = new byte[_app.Service<Portal.Domain.Policy.ChannelPolicy>().Evidence.MaxBytes + 1];

        panel.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>().UploadFiles(
            InputFileContent.CreateFromBinary(tooLarge, "big.pdf"),
            InputFileContent.CreateFromBinary(Portal.Tests.Builders.EvidenceFiles.Png(), "chat.png"));

        panel.WaitForAssertion(() => Assert.Equal(2, panel.FindAll("[data-testid='upload-outcome']").Count));
        Assert.Contains("FILE_TOO_LARGE", panel.Find("[data-upload='big.pdf']").TextContent, StringComparison.Ordinal);
        Assert.Contains("SHA-256", panel.Find("[data-upload='chat.png']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_disqualification_shows_its_cascade_and_runs_only_once_confirmed()
    {
        var compliance = await _app.UserAsync("compliance@channels.local");
        var cases = _app.Service<ViolationCaseService>();
        var id = (await cases.OpenCaseAsync(compliance, new ManualCaseInput("CORE-GZ", "CrossRegion", "在深圳投标。"))).Value!.CaseId;
        Assert.True((await cases.StartInvestigationAsync(compliance, id)).Succeeded);
        Assert.True((await cases.ConfirmAsync(compliance, id, severe: true)).Succeeded);
        string? done = null;

        var form = Render<PenaltyForm>(p => p.Add(c => c.CaseId, id).Add(c => c.OnDone, message => done = message));

        form.WaitForAssertion(() => Assert.Contains("取消代理资格", form.Find("[data-testid='penalty-minimum']").TextContent, StringComparison.Ordinal));
        Assert.Contains("1", form.Find("[data-testid='cascade-deals']").TextContent, StringComparison.Ordinal);
        Assert.Contains("SP-SOUTH", form.Find("[data-testid='cascade-to-parent']").TextContent, StringComparison.Ordinal);
        Assert.Contains("T1-TIANHE → SP-SOUTH", form.Find("[data-testid='cascade-sub-agents']").TextContent, StringComparison.Ordinal);
        Assert.True(form.Find("[data-testid='penalty-submit']").HasAttribute("disabled"));

        form.Find("input[data-testid='cascade-confirm'], [data-testid='cascade-confirm'] input").Change(true);
        form.Find("[data-testid='penalty-submit']").Click();

        form.WaitForAssertion(() => Assert.NotNull(done));
        await using var db = await _app.CreateContextAsync();
        Assert.Equal(Portal.Domain.Agents.ContractStatus.Revoked, db.Agents.Single(a => a.Code == "CORE-GZ").Status);
    }
}
