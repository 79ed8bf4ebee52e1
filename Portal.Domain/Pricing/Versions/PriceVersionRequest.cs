using Portal.Domain.Agents;

namespace Portal.Domain.Pricing.Versions;

/// <summary>A well-formed price list version: a price for every product on sale and a discount for every tier.</summary>
public sealed record PriceVersionRequest(
    DateTime EffectiveFrom,
    IReadOnlyDictionary<string, decimal> Prices,
    IReadOnlyDictionary<AgentTier, decimal> Discounts,
    string? Note);
