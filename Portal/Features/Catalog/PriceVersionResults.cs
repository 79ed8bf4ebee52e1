using Portal.Domain.Agents;
using Portal.Domain.Pricing.Versions;

namespace Portal.Features.Catalog;

/// <summary>A version just published: its number and when it takes effect.</summary>
public sealed record PriceVersionPublished(int Number, DateTime EffectiveFrom, PriceVersionState State);

/// <summary>An agent's acknowledgement of a version: who of its users acknowledged it, and when.</summary>
public sealed record VersionAcknowledged(int Number, string AgentCode, string AcknowledgedBy, DateTime AcknowledgedAt);

/// <summary>A product retired from sale.</summary>
public sealed record ProductRetired(string Sku, DateTime RetiredAt);

/// <summary>
/// One product's uniform price in a version, beside the previous version's, and what the reader's tier pays; a retired
/// product is no longer sold in new deals.
/// </summary>
public sealed record VersionPrice(string Sku, string NameZh, string NameEn, string UnitZh, string UnitEn, decimal UniformPrice, decimal? PreviousPrice, decimal? PurchasePrice, bool Retired);

/// <summary>One tier's discount in a version, beside the previous version's.</summary>
public sealed record VersionDiscount(AgentTier Tier, decimal Rate, decimal? PreviousRate);

/// <summary>How many of the Active agents have acknowledged a version.</summary>
public sealed record VersionCoverage(int Acknowledged, int Expected);

/// <summary>
/// A price list version as its reader may see it: every product's price and (for vendor staff) every tier's discount,
/// or (for a reseller) only its own tier's, with its purchase prices; coverage for vendor staff; the reader's agent's
/// acknowledgement for a reseller.
/// </summary>
public sealed record PriceVersionView(
    int Number,
    DateTime EffectiveFrom,
    string? Note,
    DateTime PublishedAt,
    string? PublishedBy,
    PriceVersionState State,
    IReadOnlyList<VersionPrice> Prices,
    IReadOnlyList<VersionDiscount> Discounts,
    VersionCoverage? Coverage,
    VersionAcknowledged? Acknowledgement);

/// <summary>A version in the history: what it is, where it stands and (for vendor staff) how far it has been acknowledged.</summary>
public sealed record PriceVersionSummary(int Number, DateTime EffectiveFrom, string? Note, DateTime PublishedAt, string PublishedBy, PriceVersionState State, VersionCoverage? Coverage);

/// <summary>A version an agent has not acknowledged yet: what its reseller's banner says.</summary>
public sealed record PendingAcknowledgement(int Number, DateTime EffectiveFrom, PriceVersionState State);

/// <summary>An Active agent that has not acknowledged a version.</summary>
public sealed record MissingAcknowledgement(string Code, string LegalName, AgentTier Tier);

/// <summary>A product no longer sold.</summary>
public sealed record RetiredProduct(string Sku, string NameZh, string NameEn, DateTime RetiredAt);
