using Portal.Domain.Agents;
using Portal.Domain.Common;

namespace Portal.Domain.Pricing.Versions;

/// <summary>
/// A new price list version is a whole price list (DESIGN.md §9): one uniform price for every product on sale and one
/// discount for every tier, so that each version reads on its own. Input that can never be right is a 400 that stores
/// nothing: a time already past, a product missing, listed twice, unknown or retired, a price that is not positive with
/// at most two decimals, a discount outside [0, 0.95] with more than four decimals, or discounts that make a higher tier
/// buy dearer than a lower one (<see cref="ReasonCode.DiscountsOutOfOrder"/>).
/// </summary>
public static class PriceVersionValidator
{
    /// <summary>The deepest discount a tier may have: nobody buys at almost nothing.</summary>
    public const decimal MaxRate = 0.95m;

    /// <param name="input">The version as sent.</param>
    /// <param name="onSale">The SKUs of the products on sale (each needs a price).</param>
    /// <param name="retired">The SKUs of retired products (never priced again).</param>
    /// <param name="now">The publishing instant: a version takes effect now or later.</param>
    public static Validated<PriceVersionRequest> Validate(PriceVersionInput? input, IReadOnlyCollection<string> onSale, IReadOnlyCollection<string> retired, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(onSale);
        ArgumentNullException.ThrowIfNull(retired);
        Guard.Utc(now, nameof(now));
        var check = new InputCheck();

        var effectiveFrom = now;
        if (input?.EffectiveFrom is { } requested)
        {
            var utc = requested.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(requested, DateTimeKind.Utc) : requested.ToUniversalTime();
            if (utc < now)
            {
                check.Add(PriceVersionFields.EffectiveFrom, ReasonCode.InvalidDate);
            }

            effectiveFrom = utc;
        }

        var prices = Prices(input?.Prices, onSale, retired, check);
        var discounts = Discounts(input?.Discounts, check);
        var note = check.OptionalText(PriceVersionFields.Note, input?.Note, PriceListVersion.NoteMaxLength, multiline: true);
        return check.Result(() => new PriceVersionRequest(effectiveFrom, prices, discounts, note));
    }

    private static Dictionary<string, decimal> Prices(IReadOnlyList<VersionPriceInput?>? lines, IReadOnlyCollection<string> onSale, IReadOnlyCollection<string> retired, InputCheck check)
    {
        var known = onSale.ToDictionary(s => s, s => s, StringComparer.OrdinalIgnoreCase);
        var gone = new HashSet<string>(retired, StringComparer.OrdinalIgnoreCase);
        var prices = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines ?? [])
        {
            var sku = line?.Sku?.Trim();
            if (string.IsNullOrEmpty(sku))
            {
                check.Add(PriceVersionFields.Prices, ReasonCode.Required);
                continue;
            }

            var field = PriceVersionFields.Price(sku.ToUpperInvariant());
            if (gone.Contains(sku))
            {
                check.Add(field, ReasonCode.ProductRetired);
            }
            else if (!known.TryGetValue(sku, out var canonical))
            {
                check.Add(field, ReasonCode.UnknownProduct);
            }
            else if (prices.ContainsKey(canonical))
            {
                check.Add(field, ReasonCode.InvalidValue);
            }
            else if (check.Required(field, line!.Price) is { } price)
            {
                if (price <= 0 || price > InputLimits.MaxUnitPrice || Money.Round(price) != price)
                {
                    check.Add(field, ReasonCode.InvalidPrice);
                }
                else
                {
                    prices.Add(canonical, price);
                }
            }
        }

        foreach (var sku in onSale.Where(s => !prices.ContainsKey(s)))
        {
            var field = PriceVersionFields.Price(sku);
            if (!check.Has(field))
            {
                check.Add(field, ReasonCode.Required);
            }
        }

        return prices;
    }

    private static Dictionary<AgentTier, decimal> Discounts(IReadOnlyList<VersionDiscountInput?>? lines, InputCheck check)
    {
        var discounts = new Dictionary<AgentTier, decimal>();
        foreach (var line in lines ?? [])
        {
            if (line?.Tier is not { } tier || !Enum.IsDefined(tier))
            {
                check.Add(PriceVersionFields.Discounts, ReasonCode.InvalidValue);
                continue;
            }

            var field = PriceVersionFields.Discount(tier);
            if (discounts.ContainsKey(tier) || check.Has(field))
            {
                check.Add(field, ReasonCode.InvalidValue);
            }
            else if (check.Required(field, line.Rate) is { } rate)
            {
                if (rate is < 0 or > MaxRate || decimal.Round(rate, Catalog.TierDiscount.RateScale) != rate)
                {
                    check.Add(field, ReasonCode.InvalidValue);
                }
                else
                {
                    discounts.Add(tier, rate);
                }
            }
        }

        foreach (var tier in Enum.GetValues<AgentTier>().Where(t => !discounts.ContainsKey(t)))
        {
            var field = PriceVersionFields.Discount(tier);
            if (!check.Has(field))
            {
                check.Add(field, ReasonCode.Required);
            }
        }

        // A higher tier never buys dearer than a lower one: the discounts descend with the tier.
        var ordered = Enum.GetValues<AgentTier>().Where(discounts.ContainsKey).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (discounts[ordered[i]] > discounts[ordered[i - 1]])
            {
                check.Add(PriceVersionFields.Discount(ordered[i]), ReasonCode.DiscountsOutOfOrder, ordered[i - 1].ToString());
            }
        }

        return discounts;
    }
}
