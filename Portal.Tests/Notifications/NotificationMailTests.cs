using Microsoft.EntityFrameworkCore;
using Portal.Domain.Deals;
using Portal.Domain.Notifications;
using Portal.Features;
using Portal.Features.Deals;
using Portal.Features.Notifications;
using Portal.Tests.Deals;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Notifications;

/// <summary>
/// The outbox and the mail worker (ADR 33) against a real SMTP server in the test process: a notice commits or rolls
/// back with its event, is sent once even when the worker stopped between commit and send, is retried with backoff
/// while the server is down, and is said in each reader's language.
/// </summary>
public sealed class NotificationMailTests : AppTest<MailFixture>
{
    private readonly int _port;

    public NotificationMailTests(MailFixture fixture)
        : base(fixture) => _port = fixture?.SmtpPort ?? throw new ArgumentNullException(nameof(fixture));

    private int Port => _port;

    private MailWorker Worker => Service<MailWorker>();

    [Fact]
    public async Task A_notice_of_a_refused_use_case_is_neither_stored_nor_sent()
    {
        var tianhe = await UserAsync(Tianhe);
        await using var smtp = await TestSmtpServer.StartAsync(Port);

        var result = await Service<ChannelWrites>().RunAsync<int>("Refused", async (db, ct) =>
        {
            await Service<NotificationOutbox>().ToUsersAsync(db, [tianhe.Id], Decided("被拒绝的客户"), ct);
            return Refusal.Because("CUSTOMER_PROTECTED");
        });
        var report = await Worker.SendDueAsync(Now);

        Assert.False(result.Succeeded);
        Assert.Equal(0, await ReadAsync(db => db.Notifications.CountAsync()));
        Assert.Equal(new MailRunReport(0, 0, 0), report);
        Assert.Empty(smtp.Messages);
    }

    [Fact]
    public async Task A_notice_committed_before_a_crash_is_sent_exactly_once_by_the_next_worker()
    {
        var tianhe = await UserAsync(Tianhe);
        await WriteAsync([tianhe.Id], Decided("重启后的客户"));
        Assert.Equal(MailState.Pending, await ReadAsync(db => db.Notifications.Select(n => n.Mail).SingleAsync()));

        // The instance stopped before its worker ran; a new worker over the same database finds the row still due.
        await using var smtp = await TestSmtpServer.StartAsync(Port);
        var restarted = ActivatorUtilities.CreateInstance<MailWorker>(App.Services);
        var first = await restarted.SendDueAsync(Now);
        Clock.Advance(TimeSpan.FromHours(1));
        var second = await restarted.SendDueAsync(Now);
        var again = await Worker.SendDueAsync(Now);

        Assert.Equal(1, first.Sent);
        Assert.Equal(0, second.Sent + again.Sent);
        var message = Assert.Single(smtp.Messages);
        var id = await ReadAsync(db => db.Notifications.Select(n => n.Id).SingleAsync());
        Assert.Equal($"notice-{id}@channels.vendor.example", message.MessageId);
        Assert.Equal(MailState.Sent, await ReadAsync(db => db.Notifications.Select(n => n.Mail).SingleAsync()));
    }

    [Fact]
    public async Task A_failed_send_is_retried_with_backoff_and_sent_once_when_the_server_is_back()
    {
        var tianhe = await UserAsync(Tianhe);
        await WriteAsync([tianhe.Id], Decided("等待服务器的客户"));

        var down = await Worker.SendDueAsync(Now);
        var row = await ReadAsync(db => db.Notifications.AsNoTracking().SingleAsync());
        Assert.Equal(new MailRunReport(0, 1, 0), down);
        Assert.Equal((MailState.Pending, 1, Now.AddSeconds(30)), (row.Mail, row.MailAttempts, row.MailNextAttemptAt!.Value));
        Assert.NotNull(row.MailError);

        await using var smtp = await TestSmtpServer.StartAsync(Port);
        Clock.Advance(TimeSpan.FromSeconds(29));
        var early = await Worker.SendDueAsync(Now);
        Clock.Advance(TimeSpan.FromSeconds(1));
        var due = await Worker.SendDueAsync(Now);
        var after = await Worker.SendDueAsync(Now);

        Assert.Equal(new MailRunReport(0, 0, 0), early);
        Assert.Equal(new MailRunReport(1, 0, 0), due);
        Assert.Equal(new MailRunReport(0, 0, 0), after);
        Assert.Single(smtp.Messages);
        row = await ReadAsync(db => db.Notifications.AsNoTracking().SingleAsync());
        Assert.Equal((MailState.Sent, 2, (string?)null), (row.Mail, row.MailAttempts, row.MailError));
    }

    [Fact]
    public async Task A_send_that_keeps_failing_is_given_up_after_the_last_attempt_with_its_error()
    {
        var tianhe = await UserAsync(Tianhe);
        await WriteAsync([tianhe.Id], Decided("放弃的客户"));

        var reports = new List<MailRunReport>();
        foreach (var wait in new[] { 0, 30, 60 })
        {
            Clock.Advance(TimeSpan.FromSeconds(wait));
            reports.Add(await Worker.SendDueAsync(Now));
        }

        Assert.Equal([new MailRunReport(0, 1, 0), new MailRunReport(0, 1, 0), new MailRunReport(0, 0, 1)], reports);
        var row = await ReadAsync(db => db.Notifications.AsNoTracking().SingleAsync());
        Assert.Equal((MailState.Failed, 3, (DateTime?)null), (row.Mail, row.MailAttempts, row.MailNextAttemptAt));
        Assert.False(string.IsNullOrEmpty(row.MailError));
    }

    [Fact]
    public async Task Each_reader_gets_the_message_in_its_own_language()
    {
        var tianhe = await UserAsync(Tianhe);
        var gz = await UserAsync(Gz);
        await using (var db = await DbAsync())
        {
            await db.Users.Where(u => u.Id == tianhe.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredCulture, "zh-CN"));
            await db.Users.Where(u => u.Id == gz.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredCulture, "en"));
        }

        await WriteAsync([tianhe.Id, gz.Id], Decided("广州语言测试有限公司"));
        await using var smtp = await TestSmtpServer.StartAsync(Port);
        var report = await Worker.SendDueAsync(Now);

        Assert.Equal(2, report.Sent);
        var messages = smtp.Messages.ToDictionary(m => m.To.Mailboxes.Single().Address, StringComparer.OrdinalIgnoreCase);
        Assert.Equal("广州语言测试有限公司 的报备：已通过", messages[Tianhe].Subject);
        Assert.Equal("Registration of 广州语言测试有限公司: Approved", messages[Gz].Subject);
        Assert.Contains("https://channels.vendor.example/deals/77", messages[Gz].TextBody, StringComparison.Ordinal);
        Assert.Contains("href=\"https://channels.vendor.example/deals/77\"", messages[Tianhe].HtmlBody, StringComparison.Ordinal);
        Assert.Equal("channels@vendor.example", messages[Gz].From.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task A_held_registration_tells_the_agent_and_the_managers_and_its_decision_tells_the_agent_by_mail()
    {
        var tianhe = await UserAsync(Tianhe);
        var registered = await Service<DealRegistrationService>().RegisterAsync(tianhe, DealInputs.Registration(DealInputs.NewUscc("440106", 8401), "广州天河家居服务有限责任公司", "440106"));
        Assert.Equal(DealStatus.PendingReview, registered.Value!.Status);

        var held = await ReadAsync(db => db.Notifications.Where(n => n.Kind == NotificationKind.RegistrationHeld).Select(n => new { n.RecipientId, n.Link }).ToListAsync());
        var manager = await UserAsync(Manager);
        Assert.Contains(held, n => n.RecipientId == tianhe.Id && n.Link == $"/deals/{registered.Value.Id}");
        Assert.Contains(held, n => n.RecipientId == manager.Id && n.Link == "/review");

        await Service<DealReviewService>().RejectAsync(manager, registered.Value.Id, "疑似重复报备。");
        var decided = await ReadAsync(db => db.Notifications.Where(n => n.Kind == NotificationKind.RegistrationDecided).ToListAsync());
        Assert.Contains(decided, n => n.RecipientId == tianhe.Id && n.Mail == MailState.Pending);
        Assert.DoesNotContain(decided, n => n.RecipientId == manager.Id);

        await using var smtp = await TestSmtpServer.StartAsync(Port);
        await Worker.SendDueAsync(Now);
        Assert.Contains(smtp.Messages, m => m.To.Mailboxes.Single().Address == Tianhe && m.Subject?.Contains("未通过", StringComparison.Ordinal) == true);
    }

    private static Notice Decided(string customer) => TestNotices.Approved(customer, "/deals/77");

    private Task<int> WriteAsync(IReadOnlyCollection<string> readers, Notice notice) => TestNotices.WriteAsync(App, readers, notice);
}
