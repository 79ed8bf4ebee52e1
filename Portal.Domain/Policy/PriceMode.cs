namespace Portal.Domain.Policy;

/// <summary>How the uniform national price is applied to registered quotes (DESIGN.md §4).</summary>
public enum PriceMode
{
    /// <summary>As the agent program states: a quote that differs from the uniform price is refused.</summary>
    Enforce,

    /// <summary>
    /// Where resale price maintenance is restricted: quotes are accepted, every deviation is recorded, and a quote
    /// below the uniform price opens a DiscountSelling case.
    /// </summary>
    Monitor,
}
