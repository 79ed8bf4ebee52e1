using Portal.Domain.Agents;
using Portal.Domain.Common;

namespace Portal.Domain.Catalog;

/// <summary>
/// The discount a tier buys at off the uniform price, in force from <see cref="EffectiveFrom"/>:
/// purchase price = uniform price × (1 − rate).
/// </summary>
public sealed class TierDiscount
{
    public const int RatePrecision = 5;
    public const int RateScale = 4;

    private TierDiscount()
    {
    }

    public TierDiscount(AgentTier tier, decimal rate, DateTime effectiveFrom)
    {
        if (rate is < 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(rate), "A discount rate lies in [0, 1).");
        }

        Tier = tier;
        Rate = rate;
        EffectiveFrom = Guard.Utc(effectiveFrom, nameof(effectiveFrom));
    }

    public int Id { get; private set; }

    public AgentTier Tier { get; private set; }

    public decimal Rate { get; private set; }

    public DateTime EffectiveFrom { get; private set; }

    /// <summary>What the tier pays for one unit at <paramref name="uniformPrice"/> (<see cref="Pricing.PurchasePrice"/>).</summary>
    public decimal PurchasePrice(decimal uniformPrice) => Pricing.PurchasePrice.Of(uniformPrice, Rate);
}
