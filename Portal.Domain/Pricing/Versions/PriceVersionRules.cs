using Portal.Domain.Common;

namespace Portal.Domain.Pricing.Versions;

/// <summary>
/// Versions are never edited, only superseded (DESIGN.md §9), and they take effect in the order they are published:
/// a new version starts after every version already published, scheduled ones included
/// (<see cref="ReasonCode.VersionNotAfterLatest"/>), so that the history reads as one line.
/// </summary>
public static class PriceVersionRules
{
    public static Decision Decide(PriceVersionRequest request, DateTime? latestEffectiveFrom)
    {
        ArgumentNullException.ThrowIfNull(request);
        return latestEffectiveFrom is { } latest && request.EffectiveFrom <= latest
            ? Decision.Refused(ReasonCode.VersionNotAfterLatest, PriceVersionFields.EffectiveFrom)
            : Decision.Allowed;
    }
}
