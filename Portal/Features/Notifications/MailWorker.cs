using System.Globalization;
using System.Net;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;
using Portal.Domain.Notifications;
using Portal.Features.Operations;
using Portal.Localization;

namespace Portal.Features.Notifications;

/// <summary>What <see cref="MailWorker.SendDueAsync"/> did: messages the server accepted, tries that failed (and will be retried), and those given up.</summary>
public sealed record MailRunReport(int Sent, int Retrying, int Failed);

/// <summary>
/// Sends the outbox's pending e-mails (ADR 33): the due rows in order, each said in its reader's language, one SMTP
/// message per notice with a stable Message-Id (<c>notice-{id}@host</c>), marked Sent in its own transaction. A row is
/// claimed before it is sent (its next try moved a lease ahead), so two instances never send it at once; a failure is
/// tried again after <see cref="MailOptions.FirstRetrySeconds"/>, doubling, until <see cref="MailOptions.MaxAttempts"/>,
/// then the row is Failed with the error. Off when no SMTP host is configured. Of several instances only the holder of
/// the <c>mail</c> lease sends (ADR 36); the claim stays as a second guard.
/// </summary>
public sealed partial class MailWorker(
    PortalData data,
    ChannelWrites writes,
    IOptions<MailOptions> options,
    IStringLocalizer<SharedResource> localizer,
    NotificationSignal signal,
    BackgroundLeases leases,
    TimeProvider clock,
    ILogger<MailWorker> logger) : BackgroundService
{
    /// <summary>Rows taken per look at the outbox.</summary>
    public const int BatchSize = 20;

    /// <summary>How long a claimed row is left to this instance before another may try it (a crash mid-send).</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _wake = new(0);

    /// <summary>Sends every message due at <paramref name="now"/> (UTC), batch after batch, until none is left.</summary>
    public async Task<MailRunReport> SendDueAsync(DateTime now, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return new MailRunReport(0, 0, 0);
        }

        int sent = 0, retrying = 0, failed = 0;
        using var smtp = new SmtpClient();
        try
        {
            List<Outgoing> due;
            do
            {
                due = await ClaimAsync(now, cancellationToken).ConfigureAwait(false);
                foreach (var message in due)
                {
                    var error = await TrySendAsync(smtp, settings, message, cancellationToken).ConfigureAwait(false);
                    var state = await writes.RunUnitAsync("MailSent", async (db, ct) =>
                    {
                        var row = await db.Notifications.SingleAsync(n => n.Id == message.Id, ct).ConfigureAwait(false);
                        if (error is null)
                        {
                            row.MailSent(now);
                        }
                        else
                        {
                            row.MailFailed(error, row.MailAttempts + 1 >= settings.MaxAttempts ? null : now + Backoff(settings, row.MailAttempts + 1));
                        }

                        return row.Mail;
                    }, cancellationToken).ConfigureAwait(false);
                    _ = state switch
                    {
                        MailState.Sent => sent++,
                        MailState.Pending => retrying++,
                        _ => failed++,
                    };
                }
            }
            while (due.Count == BatchSize);
        }
        finally
        {
            if (smtp.IsConnected)
            {
                await smtp.DisconnectAsync(quit: true, CancellationToken.None).ConfigureAwait(false);
            }
        }

        return new MailRunReport(sent, retrying, failed);
    }

    /// <summary>The wait before try number <paramref name="attempt"/> + 1: the first retry after FirstRetrySeconds, each next one twice as long.</summary>
    public static TimeSpan Backoff(MailOptions settings, int attempt)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return TimeSpan.FromSeconds(settings.FirstRetrySeconds * Math.Pow(2, Math.Max(0, attempt - 1)));
    }

    /// <summary>The message of one notice, in its reader's language: subject = the title; text and HTML with the absolute link.</summary>
    public MimeMessage Compose(long id, NotificationKind kind, string arguments, string link, string recipient, CultureInfo culture)
    {
        var settings = options.Value;
        var words = NotificationText.Say(localizer, kind, arguments, culture);
        var address = Absolute(settings, link);
        var message = new MimeMessage { Subject = words.Title, MessageId = $"notice-{id.ToString(CultureInfo.InvariantCulture)}@{MessageHost(settings)}" };
        message.From.Add(new MailboxAddress(settings.SenderName, settings.Sender));
        message.To.Add(MailboxAddress.Parse(recipient));
        var html = $"<p>{WebUtility.HtmlEncode(words.Body)}</p><p><a href=\"{WebUtility.HtmlEncode(address)}\">{WebUtility.HtmlEncode(address)}</a></p>";
        message.Body = new BodyBuilder { TextBody = $"{words.Body}\n\n{address}\n", HtmlBody = html }.ToMessageBody();
        return message;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled || !settings.RunInBackground)
        {
            LogDisabled(logger);
            return;
        }

        // A committed notice wakes the worker at once; otherwise it looks every PollSeconds (notices of other instances, retries).
        signal.Notified += Wake;
        try
        {
            var lease = leases.For(BackgroundLeases.Mail);
            await lease.RunAsync(ct => SendWhileRunningAsync(lease, settings, ct), stoppingToken).ConfigureAwait(false);
        }
        finally
        {
            signal.Notified -= Wake;
        }
    }

    private async Task SendWhileRunningAsync(LeasedWork lease, MailOptions settings, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await lease.TryRunAsync(ct => SendDueAsync(clock.GetUtcNow().UtcDateTime, ct), stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }

            using var poll = new CancellationTokenSource(TimeSpan.FromSeconds(settings.PollSeconds), clock);
            using var either = CancellationTokenSource.CreateLinkedTokenSource(poll.Token, stoppingToken);
            try
            {
                await _wake.WaitAsync(either.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                // The poll interval passed.
            }
        }
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    private void Wake(IReadOnlyCollection<string> readers)
    {
        if (_wake.CurrentCount == 0)
        {
            _wake.Release();
        }
    }

    // The due rows, oldest first, each claimed by moving its next try a lease ahead (so no other instance takes it meanwhile).
    private async Task<List<Outgoing>> ClaimAsync(DateTime now, CancellationToken cancellationToken)
    {
        List<Outgoing> due;
        await using (var db = await data.ForRulesAsync(cancellationToken).ConfigureAwait(false))
        {
            due = await (from n in db.Notifications
                         where n.Mail == MailState.Pending && n.MailNextAttemptAt <= now
                         join u in db.Users on n.RecipientId equals u.Id
                         orderby n.MailNextAttemptAt, n.Id
                         select new Outgoing(n.Id, n.Kind, n.Arguments, n.Link, u.Email, u.PreferredCulture))
                .Take(BatchSize).ToListAsync(cancellationToken).ConfigureAwait(false);
        }

        if (due.Count == 0)
        {
            return due;
        }

        var ids = due.Select(d => d.Id).ToList();
        var until = now + Lease;
        var claimed = await writes.RunUnitAsync("ClaimMail", async (db, ct) =>
        {
            var mine = await db.Notifications.Where(n => ids.Contains(n.Id) && n.Mail == MailState.Pending && n.MailNextAttemptAt <= now).Select(n => n.Id).ToListAsync(ct).ConfigureAwait(false);
            await db.Notifications.Where(n => mine.Contains(n.Id)).ExecuteUpdateAsync(s => s.SetProperty(n => n.MailNextAttemptAt, until), ct).ConfigureAwait(false);
            return mine.ToHashSet();
        }, cancellationToken).ConfigureAwait(false);
        return due.Where(d => claimed.Contains(d.Id)).ToList();
    }

    // Null when the server accepted the message, else why not.
    private async Task<string?> TrySendAsync(SmtpClient smtp, MailOptions settings, Outgoing message, CancellationToken cancellationToken)
    {
        try
        {
            if (string.IsNullOrWhiteSpace(message.Email))
            {
                return "The user has no e-mail address.";
            }

            var culture = CultureInfo.GetCultureInfo(PortalCultures.IsSupported(message.Culture) ? message.Culture! : PortalCultures.Chinese);
            var mime = Compose(message.Id, message.Kind, message.Arguments, message.Link, message.Email, culture);
            if (!smtp.IsConnected)
            {
                await smtp.ConnectAsync(settings.Host!, settings.Port, Enum.Parse<SecureSocketOptions>(settings.Security, ignoreCase: true), cancellationToken).ConfigureAwait(false);
                if (!string.IsNullOrEmpty(settings.UserName))
                {
                    await smtp.AuthenticateAsync(settings.UserName, settings.Password ?? string.Empty, cancellationToken).ConfigureAwait(false);
                }
            }

            await smtp.SendAsync(mime, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSendFailed(logger, message.Id, ex.Message);
            if (smtp.IsConnected)
            {
                await smtp.DisconnectAsync(quit: false, CancellationToken.None).ConfigureAwait(false);
            }

            return ex.Message;
        }
    }

    private static string Absolute(MailOptions settings, string link) =>
        Uri.TryCreate(settings.PortalUrl, UriKind.Absolute, out var portal) ? new Uri(portal, link).ToString() : link;

    private static string MessageHost(MailOptions settings) =>
        Uri.TryCreate(settings.PortalUrl, UriKind.Absolute, out var portal) ? portal.Host
        : settings.Sender.Contains('@', StringComparison.Ordinal) ? settings.Sender[(settings.Sender.IndexOf('@', StringComparison.Ordinal) + 1)..]
        : "channels.local";

    private sealed record Outgoing(long Id, NotificationKind Kind, string Arguments, string Link, string? Email, string? Culture);

    [LoggerMessage(Level = LogLevel.Information, Message = "E-mail is off (no Mail:Host, or Mail:RunInBackground=false): notices stay in the portal")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "The mail worker's run failed; it looks again at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notice {Id}'s e-mail was not sent: {Error}")]
    private static partial void LogSendFailed(ILogger logger, long id, string error);
}
