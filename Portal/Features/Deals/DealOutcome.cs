using Microsoft.Extensions.Localization;
using Portal.Domain.Deals;
using Portal.Localization;

namespace Portal.Features.Deals;

/// <summary>
/// What a decision on a deal did, said in the reader's language — not "done", but the outcome: "Approved — 广州… protected
/// for T1-TIANHE until 2027-02-28", "Approval refused: CUSTOMER_PROTECTED …" (a held deal judged again), "Cancelled".
/// </summary>
public static class DealOutcome
{
    /// <summary>The sentence for <paramref name="change"/> after <paramref name="action"/>, and whether it is a refusal.</summary>
    public static (string Text, bool IsError) Say(IStringLocalizer localizer, DealAction action, DealChanged change, string customerName, string agentCode)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(change);
        var reasons = string.Join(" ", change.Reasons.Select(r => ReasonText.Quoted(localizer, r)));
        var until = change.ProtectedUntil is { } day ? BusinessClock.ShowDay(day) : string.Empty;
        return (action, change.Status) switch
        {
            (DealAction.Approve, DealStatus.Rejected) => (localizer["Outcome_ApprovalRefused", reasons].Value, true),
            (DealAction.Approve, _) => (localizer["Outcome_Approved", customerName, agentCode, until].Value, false),
            (DealAction.GrantExtension, _) => (localizer["Outcome_ExtensionGranted", customerName, agentCode, until].Value, false),
            (DealAction.RefuseExtension, _) => (localizer["Outcome_ExtensionRefused", until].Value, false),
            (DealAction.Cancel, _) => (localizer["Outcome_Cancelled", customerName].Value, false),
            (DealAction.MarkLost, _) => (localizer["Outcome_Lost", customerName].Value, false),
            (DealAction.RequestExtension, _) => (localizer["Outcome_ExtensionRequested"].Value, false),
            _ => ((localizer["Outcome_Status", localizer[$"DealStatus_{change.Status}"]] + (reasons.Length > 0 ? " " + reasons : string.Empty)).ToString(), false),
        };
    }
}
