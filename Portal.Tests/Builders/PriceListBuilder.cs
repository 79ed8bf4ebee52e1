using Portal.Domain.Agents;
using Portal.Domain.Pricing;

namespace Portal.Tests.Builders;

/// <summary>The demo price list (DESIGN.md §6) from <see cref="TestTime.PriceListStart"/>, plus any versions a test adds.</summary>
internal sealed class PriceListBuilder
{
    private readonly List<PriceVersion> _prices = [];
    private readonly List<DiscountVersion> _discounts = [];
    private readonly List<string> _retired = [];

    public static PriceListBuilder Empty() => new();

    public static PriceListBuilder Demo() => new PriceListBuilder()
        .Price("OIS-STD", 1980.00m)
        .Price("OIS-PRO", 3980.00m)
        .Price("OIS-ENT", 9800.00m)
        .Discount(AgentTier.Strategic, 0.50m)
        .Discount(AgentTier.Core, 0.40m)
        .Discount(AgentTier.Tier1, 0.30m)
        .Discount(AgentTier.Tier2, 0.20m);

    public PriceListBuilder Price(string sku, decimal uniformPrice, DateTime? from = null)
    {
        _prices.Add(new PriceVersion(sku, uniformPrice, from ?? TestTime.PriceListStart));
        return this;
    }

    public PriceListBuilder Discount(AgentTier tier, decimal rate, DateTime? from = null)
    {
        _discounts.Add(new DiscountVersion(tier, rate, from ?? TestTime.PriceListStart));
        return this;
    }

    /// <summary>The product is retired: listed with its prices, not sold in new deals.</summary>
    public PriceListBuilder Retired(string sku)
    {
        _retired.Add(sku);
        return this;
    }

    public PriceList Build() => new(_prices, _discounts, _retired, TestTime.Calendar);
}
