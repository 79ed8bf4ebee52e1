using Portal.Domain.Agents;

namespace Portal.Domain.Pricing.Versions;

/// <summary>
/// A price list version as a manager or a client sends it — <c>{effectiveFrom, prices:[{sku, price}],
/// discounts:[{tier, rate}], note}</c> (DESIGN.md §7) — before validation. Without <see cref="EffectiveFrom"/> the
/// version takes effect when it is published.
/// </summary>
public sealed record PriceVersionInput(
    DateTime? EffectiveFrom,
    IReadOnlyList<VersionPriceInput?>? Prices,
    IReadOnlyList<VersionDiscountInput?>? Discounts,
    string? Note);

/// <summary>One product's uniform price in a new version.</summary>
public sealed record VersionPriceInput(string? Sku, decimal? Price);

/// <summary>One tier's discount off the uniform price in a new version, as a fraction (0.35 = 35 %).</summary>
public sealed record VersionDiscountInput(AgentTier? Tier, decimal? Rate);
