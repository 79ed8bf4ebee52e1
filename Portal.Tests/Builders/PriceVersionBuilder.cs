using Portal.Domain.Agents;
using Portal.Domain.Common;
using Portal.Domain.Pricing.Versions;

namespace Portal.Tests.Builders;

/// <summary>A whole price list version of the demo catalogue (three products on sale, OIS-OLD retired), changed as a test needs.</summary>
internal sealed class PriceVersionBuilder
{
    public static readonly string[] OnSale = ["OIS-STD", "OIS-PRO", "OIS-ENT"];
    public static readonly string[] Retired = ["OIS-OLD"];

    private readonly DateTime _now;
    private readonly List<VersionPriceInput?> _prices = [new("OIS-STD", 2080.00m), new("OIS-PRO", 3980.00m), new("OIS-ENT", 9800.00m)];
    private readonly List<VersionDiscountInput?> _discounts = [new(AgentTier.Strategic, 0.50m), new(AgentTier.Core, 0.40m), new(AgentTier.Tier1, 0.30m), new(AgentTier.Tier2, 0.20m)];
    private DateTime? _from;
    private string? _note = "2027 年度调价";

    private PriceVersionBuilder(DateTime now) => _now = now;

    public static PriceVersionBuilder Valid(DateTime now) => new(now);

    public PriceVersionBuilder From(DateTime? instant)
    {
        _from = instant;
        return this;
    }

    public PriceVersionBuilder Price(string sku, decimal? price)
    {
        _prices.RemoveAll(p => string.Equals(p?.Sku, sku, StringComparison.OrdinalIgnoreCase));
        _prices.Add(new VersionPriceInput(sku, price));
        return this;
    }

    public PriceVersionBuilder AlsoPrice(string sku, decimal? price)
    {
        _prices.Add(new VersionPriceInput(sku, price));
        return this;
    }

    public PriceVersionBuilder Without(string sku)
    {
        _prices.RemoveAll(p => p?.Sku == sku);
        return this;
    }

    public PriceVersionBuilder Discount(AgentTier tier, decimal? rate)
    {
        _discounts.RemoveAll(d => d?.Tier == tier);
        _discounts.Add(new VersionDiscountInput(tier, rate));
        return this;
    }

    public PriceVersionBuilder WithoutDiscount(AgentTier tier)
    {
        _discounts.RemoveAll(d => d?.Tier == tier);
        return this;
    }

    public PriceVersionBuilder Note(string? note)
    {
        _note = note;
        return this;
    }

    public PriceVersionInput Input() => new(_from, [.. _prices], [.. _discounts], _note);

    public Validated<PriceVersionRequest> Validate() => PriceVersionValidator.Validate(Input(), OnSale, Retired, _now);

    public PriceVersionRequest Request() => Validate().Value ?? throw new InvalidOperationException(string.Join(", ", Validate().Errors));
}
