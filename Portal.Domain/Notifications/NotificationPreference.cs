namespace Portal.Domain.Notifications;

/// <summary>
/// A user's choice for one kind of notice: whether it also goes by e-mail. Without a row the kind's default applies
/// (<see cref="NotificationDefaults.ByMail"/>). Every notice is always shown in the portal.
/// </summary>
public sealed class NotificationPreference
{
    private NotificationPreference()
    {
    }

    public NotificationPreference(string userId, NotificationKind kind, bool byMail)
    {
        UserId = userId;
        Kind = kind;
        ByMail = byMail;
    }

    public string UserId { get; private set; } = string.Empty;

    public NotificationKind Kind { get; private set; }

    public bool ByMail { get; set; }
}
