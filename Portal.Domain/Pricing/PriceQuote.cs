using Portal.Domain.Agents;

namespace Portal.Domain.Pricing;

/// <summary>What one unit of a product costs at an instant: the uniform price to the customer and the tier's purchase price.</summary>
public sealed record PriceQuote(string Sku, decimal UniformPrice, DateTime PriceEffectiveFrom, AgentTier Tier, decimal DiscountRate, decimal PurchasePrice);
