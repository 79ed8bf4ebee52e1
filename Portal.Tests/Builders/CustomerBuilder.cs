using Portal.Domain.Customers;
using Portal.Domain.Regions;

namespace Portal.Tests.Builders;

/// <summary>Valid USCCs and customer snapshots for tests.</summary>
internal static class CustomerBuilder
{
    public static Uscc UsccIn(string region, string organizationBody = "MA5C0101") => Uscc.Create('9', '1', region, organizationBody);

    public static CustomerSnapshot Existing(int id, string legalName, string region, string organizationBody) =>
        new(id, UsccIn(region, organizationBody).Value, CustomerName.Normalize(legalName), RegionCode.Parse(region));

    public static ProtectionSnapshot ProtectedBy(int agentId, DateTime since, DateTime until, int customerId = 500, DateTime? endedAt = null) =>
        new(1, customerId, agentId, ProtectionBasis.Registration, since, until, endedAt);
}
