using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Compliance;
using Portal.Features;
using Portal.Features.Compliance;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Compliance;

/// <summary>Public violation reports (举报): anyone files one; Compliance identifies who it is about.</summary>
public sealed class PublicReportTests(PortalAppFixture fixture) : AppTest(fixture)
{

    [Fact]
    public async Task An_anonymous_report_naming_an_agent_code_opens_a_reported_case_about_that_agent()
    {
        var tianhe = await AgentAsync("T1-TIANHE");

        var result = await Cases.FileReportAsync(null, new ViolationReportInput(" t1-tianhe ", "discountselling", "该代理以八折报价标准版。", "138 0000 0000"));

        Assert.True(result.Succeeded);
        Assert.Equal(CaseState.Reported, result.Value!.State);
        var stored = await ReadAsync(db => db.ViolationCases.SingleAsync(c => c.Id == result.Value.CaseId));
        Assert.Equal(tianhe.Id, stored.SubjectAgentId);
        Assert.Equal("t1-tianhe", stored.SubjectText);
        Assert.Equal(ViolationType.DiscountSelling, stored.Type);
        Assert.Equal(CaseSource.Report, stored.Source);
        Assert.Equal("138 0000 0000", stored.ReporterContact);
        Assert.Equal(Now, stored.OpenedAt);
        var entry = await ReadAsync(db => db.AuditEntries.OrderByDescending(e => e.Sequence).FirstAsync());
        Assert.Equal(("anonymous", "ViolationReported", "ViolationCase", result.Value.CaseId.ToString(System.Globalization.CultureInfo.InvariantCulture)), (entry.Actor, entry.Action, entry.EntityType, entry.EntityId));
        Assert.DoesNotContain("138 0000 0000", entry.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_report_naming_an_unknown_subject_keeps_the_text_for_compliance_to_identify()
    {
        var result = await Cases.FileReportAsync(null, new ViolationReportInput("天河区某代理公司", "CrossRegion", "跨区到海珠区销售。"));

        Assert.True(result.Succeeded);
        var stored = await ReadAsync(db => db.ViolationCases.SingleAsync(c => c.Id == result.Value!.CaseId));
        Assert.Null(stored.SubjectAgentId);
        Assert.Equal("天河区某代理公司", stored.SubjectText);
        Assert.Null(stored.ReporterContact);
    }

    [Fact]
    public async Task A_signed_in_reporter_is_the_actor_of_the_audit_entry()
    {
        var reseller = await ResellerOfAsync("CORE-SZ");

        var result = await Cases.FileReportAsync(reseller, new ViolationReportInput("CORE-GZ", "CustomerPoaching", "抢夺我司已报备客户。"));

        Assert.True(result.Succeeded);
        var entry = await ReadAsync(db => db.AuditEntries.OrderByDescending(e => e.Sequence).FirstAsync());
        Assert.Equal(reseller.Email, entry.Actor);
    }

    public static TheoryData<string?, string?, string?, string?, string, string> InvalidReports() => new()
    {
        { "T1-TIANHE", "Other", null, null, CaseFields.Description, ReasonCode.Required },
        { "T1-TIANHE", "Other", "   ", null, CaseFields.Description, ReasonCode.Required },
        { "T1-TIANHE", "Other", new string('违', 4001), null, CaseFields.Description, ReasonCode.TooLong },
        { null, "Other", "描述", null, CaseFields.Subject, ReasonCode.Required },
        { new string('代', 201), "Other", "描述", null, CaseFields.Subject, ReasonCode.TooLong },
        { "T1-TIANHE", null, "描述", null, CaseFields.Type, ReasonCode.Required },
        { "T1-TIANHE", "Bribery", "描述", null, CaseFields.Type, ReasonCode.InvalidValue },
        { "T1-TIANHE", "1", "描述", null, CaseFields.Type, ReasonCode.InvalidValue },
        { "T1-TIANHE", "Other", "描述", new string('1', 201), CaseFields.ReporterContact, ReasonCode.TooLong },
    };

    [Theory]
    [MemberData(nameof(InvalidReports))]
    public async Task Invalid_report_input_is_answered_field_by_field_and_stores_nothing(string? subject, string? type, string? description, string? contact, string field, string code)
    {
        var (cases, entries) = await CountsAsync();

        var result = await Cases.FileReportAsync(null, new ViolationReportInput(subject, type, description, contact));

        Assert.Equal(UseCaseOutcome.Invalid, result.Outcome);
        Assert.Equal([code], result.ByField()[field]);
        Assert.Equal((cases, entries), await CountsAsync());
    }

    [Fact]
    public async Task Every_invalid_field_is_reported_at_once()
    {
        var result = await Cases.FileReportAsync(null, new ViolationReportInput("", "Nothing", ""));

        Assert.Equal(UseCaseOutcome.Invalid, result.Outcome);
        Assert.Equal([CaseFields.Description, CaseFields.Subject, CaseFields.Type], result.ByField().Keys.Order(StringComparer.Ordinal));
        Assert.Equal(3, result.Reasons.Count);
    }

    [Fact]
    public async Task A_reported_case_can_be_confirmed_only_once_its_subject_is_identified()
    {
        var compliance = await UserAsync(Compliance);
        var id = (await Cases.FileReportAsync(null, new ViolationReportInput("天河那家代理", "DiscountSelling", "八折报价。"))).Value!.CaseId;
        await Cases.StartInvestigationAsync(compliance, id);

        var refused = await Cases.ConfirmAsync(compliance, id);
        var unknown = await Cases.IdentifySubjectAsync(compliance, id, "T1-NOWHERE");
        var identified = await Cases.IdentifySubjectAsync(compliance, id, "t1-tianhe");
        var confirmed = await Cases.ConfirmAsync(compliance, id);

        Assert.Equal(UseCaseOutcome.Refused, refused.Outcome);
        Assert.Equal([CaseGuardKeys.SubjectAgentIdentified], refused.UnmetGuards);
        Assert.Equal([UseCaseCode.UnknownAgent], unknown.ByField()[CaseFields.SubjectAgentCode]);
        Assert.True(identified.Succeeded);
        Assert.True(confirmed.Succeeded);
        Assert.Equal(CaseState.Confirmed, confirmed.Value!.State);
        var tianhe = await AgentAsync("T1-TIANHE");
        Assert.Equal(tianhe.Id, await ReadAsync(db => db.ViolationCases.Where(c => c.Id == id).Select(c => c.SubjectAgentId).SingleAsync()));
    }

    [Fact]
    public async Task The_subject_cannot_change_once_the_case_is_decided()
    {
        var compliance = await UserAsync(Compliance);
        var id = await ConfirmedCaseAsync("T1-TIANHE");

        var result = await Cases.IdentifySubjectAsync(compliance, id, "T2-YUEXIU");

        Assert.Equal(UseCaseOutcome.Refused, result.Outcome);
        Assert.Equal([TransitionCode.NotAllowedInState], result.Codes);
    }

    private Task<(int Cases, int Entries)> CountsAsync() =>
        ReadAsync(async db => (await db.ViolationCases.CountAsync(), await db.AuditEntries.CountAsync()));
}
