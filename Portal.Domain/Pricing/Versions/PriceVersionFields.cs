namespace Portal.Domain.Pricing.Versions;

/// <summary>The fields of a price list version that field errors point at (the JSON paths of its API body).</summary>
public static class PriceVersionFields
{
    public const string EffectiveFrom = "effectiveFrom";
    public const string Prices = "prices";
    public const string Discounts = "discounts";
    public const string Note = "note";

    /// <summary>A product's price, named by its SKU (a missing price is reported on the product it lacks).</summary>
    public static string Price(string sku) => $"{Prices}[{sku}]";

    /// <summary>A tier's discount, named by its tier.</summary>
    public static string Discount(Agents.AgentTier tier) => $"{Discounts}[{tier}]";
}
