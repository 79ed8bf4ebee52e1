namespace Portal.Domain.Notifications;

/// <summary>Where a notification's e-mail stands in the outbox.</summary>
public enum MailState
{
    /// <summary>The reader did not ask for this kind by e-mail (or mail is not configured for the user).</summary>
    NotWanted,

    /// <summary>Waiting for the mail worker (first try or a retry after <see cref="Notification.MailNextAttemptAt"/>).</summary>
    Pending,

    /// <summary>Accepted by the SMTP server.</summary>
    Sent,

    /// <summary>Given up after the last retry; <see cref="Notification.MailError"/> says why.</summary>
    Failed,
}
