using Microsoft.Extensions.Localization;
using Portal.Domain.Pricing.Versions;
using Portal.Localization;

namespace Portal.Features.Catalog;

/// <summary>What a reseller is told of a version its agent has yet to acknowledge (the banner and the price list page).</summary>
public static class PendingAcknowledgementText
{
    public static string Of(IStringLocalizer<SharedResource> localizer, BusinessClock clock, PendingAcknowledgement pending)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(pending);
        var key = pending.State == PriceVersionState.Scheduled ? "Prices_PendingScheduled" : "Prices_PendingInForce";
        return localizer[key, pending.Number, clock.ShowTime(pending.EffectiveFrom)];
    }
}
