using Portal.Domain.Common;

namespace Portal.Domain.Pricing.Versions;

/// <summary>
/// One published version of the price list (DESIGN.md §9): every product's uniform price and every tier's discount, in
/// force from <see cref="EffectiveFrom"/> until the next version's. A version is never edited, only superseded. Its
/// prices and discounts are the <see cref="Catalog.ProductPrice"/> and <see cref="Catalog.TierDiscount"/> rows that
/// share its <see cref="EffectiveFrom"/> (one row per product and per tier, unique per instant).
/// </summary>
public sealed class PriceListVersion
{
    public const int NoteMaxLength = 500;
    public const int PublisherMaxLength = 256;

    private PriceListVersion()
    {
    }

    public PriceListVersion(int number, DateTime effectiveFrom, string? note, DateTime publishedAt, string publishedBy)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(number);
        Number = number;
        EffectiveFrom = Guard.Utc(effectiveFrom, nameof(effectiveFrom));
        Note = Guard.OptionalText(note, NoteMaxLength, nameof(note));
        PublishedAt = Guard.Utc(publishedAt, nameof(publishedAt));
        PublishedBy = Guard.Text(publishedBy, PublisherMaxLength, nameof(publishedBy));
    }

    public int Id { get; private set; }

    /// <summary>1, 2, 3… in the order of publication, which is also the order of taking effect.</summary>
    public int Number { get; private set; }

    public DateTime EffectiveFrom { get; private set; }

    public string? Note { get; private set; }

    public DateTime PublishedAt { get; private set; }

    public string PublishedBy { get; private set; } = string.Empty;

    /// <summary>Where the version stands at an instant, given the effective-from of the version after it (if any).</summary>
    public PriceVersionState StateAt(DateTime at, DateTime? nextEffectiveFrom) =>
        at < EffectiveFrom ? PriceVersionState.Scheduled
        : nextEffectiveFrom is { } next && next <= at ? PriceVersionState.Superseded
        : PriceVersionState.InForce;
}
