using System.Globalization;
using Portal.Domain.Authorizations;
using Portal.Domain.Compliance;
using Portal.Domain.Notifications;

namespace Portal.Features.Notifications;

/// <summary>
/// What each event of DESIGN.md §10 tells, in one place: its kind, the page it opens and the arguments its sentences
/// (<c>Notice_{Kind}_Title</c>/<c>_Body</c>) name. Words said in the reader's language are string-table keys
/// (<c>@…</c>); dates are China business dates (<c>yyyy-MM-dd</c>). Who is told is the use case's (ADR 34).
/// </summary>
public static class Notices
{
    /// <summary>The protection-expiry reminders' thresholds, in days before the end.</summary>
    public static readonly int[] ExpiryReminderDays = [14, 7, 1];

    /// <summary>How long before its last day an approved authorization's holder is reminded.</summary>
    public const int AuthorizationReminderDays = 7;

    /// <summary>What a pending decision is, in the reminder and timed-out notices.</summary>
    public enum Pending
    {
        Registration,
        Extension,
        Authorization,
        Application,
    }

    public static Notice ExtensionDecided(int dealId, string customer, bool granted, DateOnly until) =>
        new(NotificationKind.ExtensionDecided, $"/deals/{dealId}", Args(("deal", Number(dealId)), ("customer", customer), ("outcome", granted ? "@Notice_Extension_Granted" : "@Notice_Extension_Refused"), ("until", Day(until))));

    public static Notice AuthorizationDecided(CrossRegionAuthorization authorization) =>
        new(NotificationKind.AuthorizationDecided, "/authorizations", Args(
            ("region", authorization.RegionCode), ("outcome", $"@AuthorizationStatus_{authorization.Status}"), ("from", Day(authorization.ValidFrom)), ("until", Day(authorization.ValidUntil))));

    public static Notice AuthorizationExpiring(int authorizationId, string regionCode, DateOnly validUntil) =>
        new(NotificationKind.AuthorizationExpiring, "/authorizations", Args(("region", regionCode), ("until", Day(validUntil)), ("days", Number(AuthorizationReminderDays))),
            $"authorization:{authorizationId}:expiring:{Day(validUntil)}");

    public static Notice ApplicationDecided(string agentCode, string agentName, bool approved) =>
        new(NotificationKind.ApplicationDecided, "/sub-agents", Args(("agent", agentCode), ("name", agentName), ("outcome", approved ? "@Notice_Application_Approved" : "@Notice_Application_Rejected")));

    public static Notice CaseOpened(int caseId, string agentCode, ViolationType type) =>
        new(NotificationKind.CaseOpened, $"/cases/{caseId}", Args(("case", Number(caseId)), ("agent", agentCode), ("type", $"@ViolationType_{type}")));

    public static Notice PenaltyImposed(int caseId, string agentCode, PenaltyKind penalty, DateOnly appealUntil) =>
        new(NotificationKind.PenaltyImposed, $"/cases/{caseId}", Args(("case", Number(caseId)), ("agent", agentCode), ("penalty", $"@Penalty_{penalty}"), ("appealUntil", Day(appealUntil))));

    public static Notice AppealDecided(int caseId, bool upheld) =>
        new(NotificationKind.AppealDecided, $"/cases/{caseId}", Args(("case", Number(caseId)), ("outcome", upheld ? "@Notice_Appeal_Upheld" : "@Notice_Appeal_Lifted")));

    public static Notice CascadeApplied(int caseId, string agentCode, int customers, int agents) =>
        new(NotificationKind.CascadeApplied, customers > 0 ? "/customers" : "/", Args(("case", Number(caseId)), ("agent", agentCode), ("customers", Number(customers)), ("agents", Number(agents))));

    public static Notice PriceVersionPublished(int number, DateOnly effectiveFrom) =>
        new(NotificationKind.PriceVersionPublished, $"/prices/versions/{number}", Args(("version", Number(number)), ("from", Day(effectiveFrom))));

    /// <summary>An arbitration; <paramref name="toAgentCode"/> is null when the customer was released.</summary>
    public static Notice ProtectionArbitrated(string customer, string fromAgentCode, string? toAgentCode) =>
        new(NotificationKind.ProtectionArbitrated, "/customers", Args(("customer", customer), ("from", fromAgentCode), ("to", toAgentCode ?? "@Notice_Released")));

    /// <summary>A reminder <paramref name="days"/> before a protection's end; a protection extended later is reminded again for its new end.</summary>
    public static Notice ProtectionExpiring(int protectionId, int? dealId, string customer, int days, DateOnly lastDay) =>
        new(NotificationKind.ProtectionExpiring, dealId is { } deal ? $"/deals/{deal}" : "/customers", Args(("customer", customer), ("days", Number(days)), ("until", Day(lastDay))),
            $"protection:{protectionId}:{Number(days)}:{Day(lastDay)}");

    /// <summary>To the deciding managers, one business day before a pending record's deadline; once per record and deadline.</summary>
    public static Notice DecisionDue(Pending what, int recordId, string subject, string link, DateOnly lastDay) =>
        new(NotificationKind.DecisionDue, link, Args(("what", $"@Notice_Pending_{what}"), ("subject", subject), ("deadline", Day(lastDay))),
            $"due:{what}:{Number(recordId)}:{Day(lastDay)}");

    /// <summary>To the agent that asked, when its pending record took the default outcome (<paramref name="outcome"/>, a string-table key).</summary>
    public static Notice DecisionTimedOut(Pending what, int recordId, string subject, string link, string outcome) =>
        new(NotificationKind.DecisionTimedOut, link, Args(("what", $"@Notice_Pending_{what}"), ("subject", subject), ("outcome", "@" + outcome)),
            $"timedout:{what}:{Number(recordId)}");

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Args(params (string Name, string Value)[] values) => values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
}
