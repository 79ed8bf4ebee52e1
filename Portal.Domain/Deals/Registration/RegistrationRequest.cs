using Portal.Domain.Customers;
using Portal.Domain.Regions;

namespace Portal.Domain.Deals.Registration;

/// <summary>A well-formed registration: what the channel rules judge.</summary>
public sealed record RegistrationRequest(RegistrationCustomer Customer, IReadOnlyList<RequestedLine> Lines, DateOnly ExpectedCloseDate);

/// <summary>
/// The customer a registration is for. When a customer with this USCC is already on file, the application passes
/// the stored name and region here, so that territory and duplicates are judged on the record, not on the claim.
/// </summary>
public sealed record RegistrationCustomer(Uscc Uscc, string LegalName, RegionCode Region, CustomerSegment Segment)
{
    /// <summary>The name as duplicate detection compares it (<see cref="CustomerName.Normalize"/>).</summary>
    public string NormalizedName => CustomerName.Normalize(LegalName);

    /// <summary>The customer's city (a customer is located in a city or a district, never a whole province).</summary>
    public RegionCode City => Region.City ?? Region;
}
