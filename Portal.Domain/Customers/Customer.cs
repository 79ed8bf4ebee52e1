using Portal.Domain.Common;
using Portal.Domain.Regions;

namespace Portal.Domain.Customers;

/// <summary>An end customer, identified by its USCC; protection is held in <see cref="CustomerProtection"/> rows.</summary>
public sealed class Customer
{
    private Customer()
    {
    }

    public Customer(Uscc uscc, string legalName, RegionCode region, CustomerSegment segment, DateTime createdAt)
    {
        if (region.Level == RegionLevel.Province)
        {
            throw new ArgumentException("A customer is located in a city or a district.", nameof(region));
        }

        Uscc = uscc.Value;
        LegalName = Guard.Text(legalName, CustomerName.MaxLength, nameof(legalName));
        NormalizedName = CustomerName.Normalize(LegalName);
        RegionCode = region.Value;
        CityCode = region.City!.Value.Value;
        Segment = segment;
        CreatedAt = Guard.Utc(createdAt, nameof(createdAt));
    }

    public int Id { get; private set; }

    public string Uscc { get; private set; } = string.Empty;

    public string LegalName { get; private set; } = string.Empty;

    /// <summary>The name folded for duplicate detection (<see cref="CustomerName.Normalize"/>).</summary>
    public string NormalizedName { get; private set; } = string.Empty;

    public string RegionCode { get; private set; } = string.Empty;

    /// <summary>The city of <see cref="RegionCode"/>, kept so "same name in the same city" is one indexed lookup.</summary>
    public string CityCode { get; private set; } = string.Empty;

    public CustomerSegment Segment { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public int Version { get; private set; }

    public RegionCode Region => Regions.RegionCode.Parse(RegionCode);
}
