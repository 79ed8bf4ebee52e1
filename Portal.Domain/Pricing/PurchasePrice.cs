using Portal.Domain.Common;

namespace Portal.Domain.Pricing;

public static class PurchasePrice
{
    /// <summary>
    /// Tiers (DESIGN.md §2.1): each tier buys at its own discount off the uniform price — uniform × (1 − rate),
    /// rounded to the fen half away from zero (<see cref="Money.Round"/>).
    /// </summary>
    public static decimal Of(decimal uniformPrice, decimal discountRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(uniformPrice);
        if (discountRate is < 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(discountRate), "A discount rate lies in [0, 1).");
        }

        return Money.Round(uniformPrice * (1 - discountRate));
    }
}
