using Portal.Domain.Agents;
using Portal.Domain.Common;
using Portal.Domain.Policy;

namespace Portal.Domain.Deals.Registration;

/// <summary>
/// Extending a registration (DESIGN.md §4): an approved registration may be extended once, by
/// <c>Protection:ExtensionDays</c>, with a written reason, on a ChannelManager's approval.
/// </summary>
public static class RegistrationExtension
{
    /// <summary>
    /// Judges an extension, both when the reseller requests it (the deal is Approved) and when the ChannelManager
    /// grants it (the deal is ExtensionRequested, and <see cref="ExtensionSnapshot.ExtensionUsed"/> is already set by
    /// that pending request, which is the one being decided): the same conditions must still hold. The new protection
    /// end is the current end plus ExtensionDays (to the end of that business day), so asking early or late gives the
    /// same protection.
    /// </summary>
    public static ExtensionDecision Decide(ExtensionSnapshot deal, string? writtenReason, DateTime at, ChannelPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(deal);
        ArgumentNullException.ThrowIfNull(policy);
        Guard.Utc(at, nameof(at));

        var reasons = new ReasonList();

        // Contract (§5.1): an agent that may not register deals may not prolong its hold on a customer either.
        reasons.AddIf(deal.AgentStatus != ContractStatus.Active, ReasonCode.AgentNotActive);

        // Only an approved registration (or one whose extension is being decided) can be extended.
        reasons.AddIf(deal.Status is not (DealStatus.Approved or DealStatus.ExtensionRequested), ReasonCode.DealNotApproved);

        // Once: the request uses the extension up, granted or refused; only the pending request itself may proceed.
        reasons.AddIf(deal.ExtensionUsed && deal.Status != DealStatus.ExtensionRequested, ReasonCode.ExtensionAlreadyUsed);

        // A protection that has already run out is gone: the customer is free, and an extension cannot revive it.
        reasons.AddIf(deal.ProtectedUntil is not { } until || until <= at, ReasonCode.ProtectionLapsed);

        // With a written reason.
        var reason = writtenReason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            reasons.Add(ReasonCode.ReasonRequired, InputField.WrittenReason);
        }
        else if (reason.Length > DealRegistration.ReasonTextMaxLength)
        {
            reasons.Add(ReasonCode.TooLong, InputField.WrittenReason);
        }

        var decision = reasons.ToDecision();
        return new ExtensionDecision(decision, decision.IsAllowed ? ExtendedUntil(deal.ProtectedUntil!.Value, policy) : null);
    }

    /// <summary>The protection's end once extended: ExtensionDays after its last day, to the end of that business day.</summary>
    public static DateTime ExtendedUntil(DateTime protectedUntil, ChannelPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var calendar = policy.Calendar;
        return calendar.EndOfDay(calendar.LastDay(protectedUntil).AddDays(policy.Protection.ExtensionDays));
    }
}
