using Bunit;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audit;
using Portal.Data.Identity;
using Portal.Domain.Deals;
using Portal.Features;
using Portal.Features.Compliance;
using Portal.Features.Deals;
using Portal.Features.Operations;
using Portal.Localization;
using Portal.Tests.Builders;
using Portal.Tests.Deals;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Components;

/// <summary>
/// A deal's page tells its whole story from the audit log, whoever wrote it: the manager's approval, the extension asked
/// and granted, the sale, the expiry by the job, the cancellation by a disqualification — in the reader's language.
/// </summary>
public sealed class DealTimelineTests : PortalTestContext, IClassFixture<PortalAppFixture>
{
    private readonly PortalAppFactory _app;

    public DealTimelineTests(PortalAppFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        _app = fixture.App;
        UseApp(_app, typeof(DealQueries), typeof(DealLifecycleService), typeof(DealReviewService), typeof(BusinessClock));
        AddAuthorization().SetAuthorized("manager@channels.local").SetRoles(PortalRoles.ChannelManager);
    }

    [Theory]
    [InlineData(PortalCultures.Chinese, new[] { "提交报备", "审核通过", "申请延期", "同意延期", "报告成交" })]
    [InlineData(PortalCultures.English, new[] { "Registered", "Approved after review", "Extension requested", "Extension granted", "Sale reported" })]
    public async Task Approval_extension_and_sale_are_on_the_timeline(string culture, string[] expected)
    {
        var tianhe = await _app.UserAsync("tianhe@channels.local");
        var manager = await _app.UserAsync("manager@channels.local");

        // A possible duplicate of a demo customer's name: held for review, then approved by the manager.
        var held = await _app.Service<DealRegistrationService>().RegisterAsync(tianhe, DealInputs.Registration(DealInputs.NewUscc("440106", 501), "广州天河家居服务有限责任公司", "440106"));
        var id = held.Value!.Id;
        Assert.Equal(DealStatus.PendingReview, held.Value.Status);
        Assert.True((await _app.Service<DealReviewService>().ApproveAsync(manager, id, "不同的法人")).Succeeded);
        Assert.True((await _app.Service<DealLifecycleService>().RequestExtensionAsync(tianhe, id, "客户预算推迟")).Succeeded);
        Assert.True((await _app.Service<DealReviewService>().DecideExtensionAsync(manager, id, grant: true, "同意")).Succeeded);
        Assert.True((await _app.Service<DealLifecycleService>().ReportSaleAsync(tianhe, id, DealInputs.Sale("OIS-PRO", 10, 3980m))).Succeeded);

        Assert.Equal(expected, Timeline(culture, id));
    }

    [Theory]
    [InlineData(PortalCultures.Chinese, "报备到期")]
    [InlineData(PortalCultures.English, "Registration expired")]
    public async Task Expiry_by_the_job_is_on_the_timeline(string culture, string expired)
    {
        var tianhe = await _app.UserAsync("tianhe@channels.local");
        var registered = await _app.Service<DealRegistrationService>().RegisterAsync(tianhe, DealInputs.Registration(DealInputs.NewUscc("440106", 502), "广州天河到期测试有限公司", "440106"));

        await _app.Service<ExpiryJob>().RunAsync(TestTime.Calendar.EndOfDay(registered.Value!.ProtectedUntil!.Value));

        Assert.Equal(expired, Timeline(culture, registered.Value.Id)[^1]);
    }

    [Theory]
    [InlineData(PortalCultures.Chinese, "已取消")]
    [InlineData(PortalCultures.English, "Cancelled")]
    public async Task Cancellation_by_a_disqualification_is_on_the_timeline(string culture, string cancelled)
    {
        var yuexiu = await _app.UserAsync("yuexiu@channels.local");
        var compliance = await _app.UserAsync("compliance@channels.local");
        var registered = await _app.Service<DealRegistrationService>().RegisterAsync(yuexiu, DealInputs.Registration(DealInputs.NewUscc("440104", 503), "广州越秀取消测试有限公司", "440104"));
        var cases = _app.Service<ViolationCaseService>();
        var opened = await cases.OpenCaseAsync(compliance, new ManualCaseInput("T2-YUEXIU", "CustomerPoaching", "抢占他人客户，情节严重。"));
        await cases.StartInvestigationAsync(compliance, opened.Value!.CaseId);
        await cases.ConfirmAsync(compliance, opened.Value.CaseId, severe: true);

        var penalty = await _app.Service<PenaltyService>().PenalizeAsync(compliance, opened.Value.CaseId, new PenaltyInput());

        Assert.True(penalty.Succeeded, penalty.ToString());
        Assert.Equal(cancelled, Timeline(culture, registered.Value!.Id)[^1]);
    }

    [Theory]
    [InlineData(PortalCultures.Chinese, "报备到期")]
    [InlineData(PortalCultures.English, "Registration expired")]
    public async Task An_expiry_written_under_the_former_name_of_a_deal_is_on_the_timeline(string culture, string expired)
    {
        var tianhe = await _app.UserAsync("tianhe@channels.local");
        var registered = await _app.Service<DealRegistrationService>().RegisterAsync(tianhe, DealInputs.Registration(DealInputs.NewUscc("440106", 504), "广州天河旧记录测试有限公司", "440106"));
        var id = registered.Value!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        // Before the audit vocabulary was typed, the expiry job wrote a deal's expiry under "DealRegistration".
        await using (var db = await _app.CreateContextAsync())
        {
            var head = await db.AuditHeads.SingleAsync();
            var entry = AuditChain.Append(head.Link, _app.Now, ExpiryJob.Actor, "DealExpired", "DealRegistration", id);
            db.AuditEntries.Add(entry);
            head.MoveTo(entry);
            await db.SaveChangesAsync();
        }

        Assert.Equal(expired, Timeline(culture, registered.Value.Id)[^1]);
    }

    private List<string> Timeline(string culture, int dealId)
    {
        UseCulture(culture);
        var page = Render<DealDetailPage>(p => p.Add(d => d.Id, dealId));
        page.WaitForElement("[data-testid='timeline']");
        return [.. page.FindAll("[data-timeline-action]").Select(e => e.TextContent.Trim())];
    }
}
