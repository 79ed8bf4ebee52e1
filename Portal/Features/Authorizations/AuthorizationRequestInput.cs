namespace Portal.Features.Authorizations;

/// <summary>A reseller's request for a cross-region authorization (跨区授权), as a form or the API sends it.</summary>
public sealed class AuthorizationRequestInput
{
    /// <summary>Where the agent wants to operate: a province, city or district code of the region table.</summary>
    public string? RegionCode { get; set; }

    /// <summary>Optional: limits the authorization to one customer the reseller can see.</summary>
    public string? CustomerUscc { get; set; }

    /// <summary>First day of validity (today or later).</summary>
    public DateOnly? ValidFrom { get; set; }

    /// <summary>Last day of validity (included; on or after <see cref="ValidFrom"/>).</summary>
    public DateOnly? ValidUntil { get; set; }

    /// <summary>The written reason the vendor judges the request on.</summary>
    public string? Reason { get; set; }
}

/// <summary>The input fields of authorization use cases, as reasons name them.</summary>
public static class AuthorizationFields
{
    public const string RegionCode = "regionCode";
    public const string CustomerUscc = "customerUscc";
    public const string ValidFrom = "validFrom";
    public const string ValidUntil = "validUntil";
    public const string Reason = "reason";
    public const string Note = "note";
}
