namespace Portal.Domain.Notifications;

/// <summary>Which kinds go by e-mail for a user who has not chosen: those that ask the reader to act or that take something from them.</summary>
public static class NotificationDefaults
{
    public static bool ByMail(NotificationKind kind) => kind switch
    {
        NotificationKind.RegistrationDecided => true,
        NotificationKind.ProtectionExpiring => true,
        NotificationKind.AuthorizationExpiring => true,
        NotificationKind.CaseOpened => true,
        NotificationKind.PenaltyImposed => true,
        NotificationKind.AppealDecided => true,
        NotificationKind.CascadeApplied => true,
        NotificationKind.ProtectionArbitrated => true,
        NotificationKind.DecisionTimedOut => true,
        _ => false,
    };
}
