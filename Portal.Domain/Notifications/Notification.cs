using Portal.Domain.Common;

namespace Portal.Domain.Notifications;

/// <summary>
/// One notice to one user, written in the same transaction as the event it tells of (the outbox, DESIGN.md §10): when
/// the event rolls back, so does the notice. Its words are not stored: <see cref="Kind"/> and <see cref="Arguments"/>
/// are rendered in the reader's language when shown or mailed. Its e-mail, when the reader wants this kind by mail,
/// is sent by the mail worker from this row (<see cref="Mail"/>), so none is lost or sent twice.
/// </summary>
public sealed class Notification
{
    public const int UserIdMaxLength = 450;
    public const int LinkMaxLength = 200;
    public const int ArgumentsMaxLength = 2000;
    public const int OnceKeyMaxLength = 120;
    public const int MailErrorMaxLength = 500;

    private Notification()
    {
    }

    public Notification(string recipientId, NotificationKind kind, string link, string arguments, DateTime createdAt, bool byMail, string? onceKey = null)
    {
        RecipientId = Guard.Text(recipientId, UserIdMaxLength, nameof(recipientId));
        Kind = kind;
        Link = Guard.Text(link, LinkMaxLength, nameof(link));
        Arguments = Guard.Text(arguments, ArgumentsMaxLength, nameof(arguments));
        CreatedAt = Guard.Utc(createdAt, nameof(createdAt));
        OnceKey = Guard.OptionalText(onceKey, OnceKeyMaxLength, nameof(onceKey));
        Mail = byMail ? MailState.Pending : MailState.NotWanted;
        MailNextAttemptAt = byMail ? CreatedAt : null;
    }

    public long Id { get; private set; }

    /// <summary>The user it is for (the portal user's id).</summary>
    public string RecipientId { get; private set; } = string.Empty;

    public NotificationKind Kind { get; private set; }

    /// <summary>The portal page the notice opens, relative (e.g. <c>/deals/42</c>).</summary>
    public string Link { get; private set; } = string.Empty;

    /// <summary>The values its sentences name, as a JSON object of strings (customer, agent code, outcome, days…).</summary>
    public string Arguments { get; private set; } = "{}";

    public DateTime CreatedAt { get; private set; }

    public DateTime? ReadAt { get; private set; }

    /// <summary>
    /// Set on notices that must exist at most once per reader (a reminder: <c>expiring:{protection}:{days}</c>); the
    /// database refuses a second one, so a job run twice reminds once.
    /// </summary>
    public string? OnceKey { get; private set; }

    public MailState Mail { get; private set; }

    public int MailAttempts { get; private set; }

    public DateTime? MailNextAttemptAt { get; private set; }

    public DateTime? MailSentAt { get; private set; }

    public string? MailError { get; private set; }

    public bool IsRead => ReadAt is not null;

    public void MarkRead(DateTime at)
    {
        ReadAt ??= Guard.Utc(at, nameof(at));
    }

    /// <summary>The SMTP server accepted the message.</summary>
    public void MailSent(DateTime at)
    {
        Mail = MailState.Sent;
        MailSentAt = Guard.Utc(at, nameof(at));
        MailNextAttemptAt = null;
        MailAttempts++;
        MailError = null;
    }

    /// <summary>A try failed: try again at <paramref name="retryAt"/>, or give up when there is none.</summary>
    public void MailFailed(string error, DateTime? retryAt)
    {
        MailAttempts++;
        MailError = error.Length > MailErrorMaxLength ? error[..MailErrorMaxLength] : error;
        Mail = retryAt is null ? MailState.Failed : MailState.Pending;
        MailNextAttemptAt = retryAt;
    }
}
