using Portal.Domain.Regions;

namespace Portal.Domain.Customers;

/// <summary>An existing customer as the duplicate check sees it.</summary>
public sealed record CustomerSnapshot(int Id, string Uscc, string NormalizedName, RegionCode Region)
{
    public static CustomerSnapshot From(Customer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return new CustomerSnapshot(customer.Id, customer.Uscc, customer.NormalizedName, customer.Region);
    }
}
