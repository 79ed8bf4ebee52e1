namespace Portal.Domain.Policy;

/// <summary>The uniform-price policy (DESIGN.md §4), bound from the <c>PricePolicy</c> section.</summary>
public sealed class PricePolicyOptions
{
    public const string SectionName = "PricePolicy";

    /// <summary><see cref="PriceMode.Enforce"/> unless the vendor's counsel decides otherwise.</summary>
    public PriceMode Mode { get; set; } = PriceMode.Enforce;
}
