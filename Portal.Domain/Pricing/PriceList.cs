using Portal.Domain.Agents;
using Portal.Domain.Catalog;
using Portal.Domain.Common;

namespace Portal.Domain.Pricing;

/// <summary>
/// Uniform national price (全国统一售价): the versioned price list and tier discounts as of a snapshot, answering
/// "what was in force at this instant". A version applies from its EffectiveFrom inclusive until the next version's.
/// SKUs compare case-insensitively (the catalogue stores them in upper case). A retired product keeps its prices (sales
/// on deals registered before are still judged by them) but is not sold in new deals (<see cref="IsRetired"/>).
/// </summary>
public sealed class PriceList
{
    private readonly Dictionary<string, PriceVersion[]> _prices;
    private readonly Dictionary<AgentTier, DiscountVersion[]> _discounts;
    private readonly HashSet<string> _retired;
    private readonly BusinessCalendar _calendar;

    /// <param name="prices">Every version of every product's uniform price.</param>
    /// <param name="discounts">Every version of every tier's discount.</param>
    /// <param name="retired">The SKUs of retired products.</param>
    /// <param name="calendar">The channel's days, by which sales are dated (China time unless given).</param>
    public PriceList(IEnumerable<PriceVersion> prices, IEnumerable<DiscountVersion> discounts, IEnumerable<string>? retired = null, BusinessCalendar? calendar = null)
    {
        ArgumentNullException.ThrowIfNull(prices);
        ArgumentNullException.ThrowIfNull(discounts);
        _retired = new HashSet<string>(retired ?? [], StringComparer.OrdinalIgnoreCase);
        _calendar = calendar ?? BusinessCalendar.China;
        _prices = prices
            .GroupBy(p => p.Sku.Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.EffectiveFrom).ToArray(), StringComparer.OrdinalIgnoreCase);
        _discounts = discounts
            .GroupBy(d => d.Tier)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(d => d.EffectiveFrom).ToArray());
    }

    /// <summary>
    /// Builds the snapshot from the catalogue's entities: every product, retired ones included (a SKU missing here is
    /// an unknown product).
    /// </summary>
    public static PriceList From(IReadOnlyCollection<Product> products, IEnumerable<TierDiscount> discounts, BusinessCalendar? calendar = null)
    {
        ArgumentNullException.ThrowIfNull(products);
        ArgumentNullException.ThrowIfNull(discounts);
        return new PriceList(
            products.SelectMany(p => p.Prices.Select(v => new PriceVersion(p.Sku, v.UniformPrice, v.EffectiveFrom))),
            discounts.Select(d => new DiscountVersion(d.Tier, d.Rate, d.EffectiveFrom)),
            products.Where(p => !p.IsActive).Select(p => p.Sku),
            calendar);
    }

    /// <summary>Is the product retired (listed, but no longer sold in new deals)?</summary>
    public bool IsRetired(string sku)
    {
        ArgumentNullException.ThrowIfNull(sku);
        return _retired.Contains(sku.Trim());
    }

    /// <summary>Is the SKU on the price list at all (in any version)?</summary>
    public bool Lists(string sku)
    {
        ArgumentNullException.ThrowIfNull(sku);
        return _prices.ContainsKey(sku.Trim());
    }

    /// <summary>The SKU as the price list spells it, or null when it is not listed.</summary>
    public string? CanonicalSku(string sku)
    {
        ArgumentNullException.ThrowIfNull(sku);
        return _prices.TryGetValue(sku.Trim(), out var versions) ? versions[0].Sku : null;
    }

    /// <summary>The uniform price version in force at <paramref name="at"/>, or null when none is (yet).</summary>
    public PriceVersion? VersionAt(string sku, DateTime at) =>
        _prices.TryGetValue(sku.Trim(), out var versions) ? Array.Find(versions, v => v.EffectiveFrom <= at) : null;

    public decimal? UniformPriceAt(string sku, DateTime at) => VersionAt(sku, at)?.UniformPrice;

    /// <summary>
    /// Uniform national price on a sale date: the lowest uniform price in force at any moment of that business day (in
    /// the channel's time zone). Facts are dated by the day, so on a day the price changed the agent gets the benefit of
    /// the doubt.
    /// </summary>
    public decimal? LowestUniformPriceOn(string sku, DateOnly day)
    {
        var start = _calendar.StartOfDay(day);
        var end = _calendar.EndOfDay(day);
        if (!_prices.TryGetValue(sku.Trim(), out var versions))
        {
            return null;
        }

        var inForce = versions.Where(v => v.EffectiveFrom > start && v.EffectiveFrom < end).Select(v => v.UniformPrice);
        if (Array.Find(versions, v => v.EffectiveFrom <= start) is { } atStart)
        {
            inForce = inForce.Append(atStart.UniformPrice);
        }

        var prices = inForce.ToList();
        return prices.Count == 0 ? null : prices.Min();
    }

    /// <summary>The tier's discount rate in force at <paramref name="at"/>, or null when none is.</summary>
    public decimal? DiscountRateAt(AgentTier tier, DateTime at) =>
        _discounts.TryGetValue(tier, out var versions) ? Array.Find(versions, d => d.EffectiveFrom <= at)?.Rate : null;

    /// <summary>
    /// The uniform and purchase price of one unit for a tier at an instant (a deal uses the versions in force when
    /// it is submitted); null when the product has no price in force.
    /// </summary>
    /// <exception cref="InvalidOperationException">The price list defines no discount for the tier at that instant.</exception>
    public PriceQuote? QuoteAt(string sku, AgentTier tier, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(sku);
        if (VersionAt(sku, at) is not { } price)
        {
            return null;
        }

        var rate = DiscountRateAt(tier, at)
            ?? throw new InvalidOperationException($"The price list defines no {tier} discount in force at {at:O}.");
        return new PriceQuote(price.Sku, price.UniformPrice, price.EffectiveFrom, tier, rate, PurchasePrice.Of(price.UniformPrice, rate));
    }
}
