namespace Portal.Domain.Customers;

/// <summary>A customer protection as the rules see it (see <see cref="CustomerProtection"/>).</summary>
public sealed record ProtectionSnapshot(int Id, int CustomerId, int AgentId, ProtectionBasis Basis, DateTime Since, DateTime Until, DateTime? EndedAt = null)
{
    public bool IsOpen => EndedAt is null;

    /// <summary>Customer protection: open, started, and not yet lapsed at <paramref name="at"/> (Until is exclusive).</summary>
    public bool IsInForceAt(DateTime at) => EndedAt is null && Since <= at && at < Until;

    public static ProtectionSnapshot From(CustomerProtection protection)
    {
        ArgumentNullException.ThrowIfNull(protection);
        return new ProtectionSnapshot(protection.Id, protection.CustomerId, protection.AgentId, protection.Basis, protection.Since, protection.Until, protection.EndedAt);
    }

    /// <summary>The protection in force at an instant, if any (the database allows at most one open per customer).</summary>
    public static ProtectionSnapshot? InForce(IEnumerable<ProtectionSnapshot> protections, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(protections);
        return protections.Where(p => p.IsInForceAt(at)).MaxBy(p => p.Until);
    }
}
