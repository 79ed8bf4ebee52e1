namespace Portal.Domain.Notifications;

/// <summary>
/// What a notification tells its reader (DESIGN.md §10): the events someone must act on or would want to know.
/// Stored by name; each kind has its title and body sentences in the string table (<c>Notice_{Kind}_Title</c>, <c>_Body</c>).
/// </summary>
public enum NotificationKind
{
    /// <summary>A registration was approved or rejected (to the registering agent's users).</summary>
    RegistrationDecided,

    /// <summary>A registration was held for review (to the registering agent's users and to the managers who decide it).</summary>
    RegistrationHeld,

    /// <summary>A protection ends in 14, 7 or 1 days (to the holder's users), once per threshold.</summary>
    ProtectionExpiring,

    /// <summary>A protection extension was granted or refused.</summary>
    ExtensionDecided,

    /// <summary>A cross-region authorization was approved, refused, revoked or lapsed.</summary>
    AuthorizationDecided,

    /// <summary>An approved cross-region authorization ends soon.</summary>
    AuthorizationExpiring,

    /// <summary>An agent application (a sub-agent recruited) was approved or rejected (to the recruiting agent's users).</summary>
    ApplicationDecided,

    /// <summary>A violation case was opened against one's agent or a sub-agent.</summary>
    CaseOpened,

    /// <summary>A penalty was imposed on one's agent or a sub-agent.</summary>
    PenaltyImposed,

    /// <summary>An appeal was decided.</summary>
    AppealDecided,

    /// <summary>A disqualification cascade moved one's customers or one's agent.</summary>
    CascadeApplied,

    /// <summary>A new price list version waits for the agent's acknowledgement.</summary>
    PriceVersionPublished,

    /// <summary>A customer's protection was moved or released by arbitration (to both agents).</summary>
    ProtectionArbitrated,

    /// <summary>A pending decision's deadline is near (to the managers who decide it).</summary>
    DecisionDue,

    /// <summary>A pending decision reached its deadline and took its default outcome (to the agent that asked).</summary>
    DecisionTimedOut,
}
