namespace Portal.Domain.Pricing;

/// <summary>One version of a product's uniform national price, in force from <see cref="EffectiveFrom"/> (UTC).</summary>
public sealed record PriceVersion(string Sku, decimal UniformPrice, DateTime EffectiveFrom);
