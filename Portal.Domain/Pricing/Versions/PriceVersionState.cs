namespace Portal.Domain.Pricing.Versions;

/// <summary>Where a price list version stands at an instant.</summary>
public enum PriceVersionState
{
    /// <summary>Published, taking effect later.</summary>
    Scheduled,

    /// <summary>The version deals are priced by now.</summary>
    InForce,

    /// <summary>A later version has taken effect.</summary>
    Superseded,
}
