using Portal.Domain.Common;

namespace Portal.Domain.Customers.VendorDirect;

/// <summary>
/// Customer protection (客户保护, DESIGN.md §2.5): a customer an agent has developed belongs to that agent, and the
/// vendor itself will not deal or settle with it directly while the protection is in force.
/// </summary>
public static class VendorDirectRule
{
    /// <summary>
    /// Judges a ChannelManager recording a direct sale to, or a settlement with, a customer at <paramref name="at"/>
    /// (UTC), given the customer's protections. The reason does not name the holder; the manager can look it up.
    /// </summary>
    public static Decision Decide(IEnumerable<ProtectionSnapshot> customerProtections, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(customerProtections);
        Guard.Utc(at, nameof(at));
        return ProtectionSnapshot.InForce(customerProtections, at) is null
            ? Decision.Allowed
            : Decision.Refused(ReasonCode.VendorDirectBlocked, InputField.CustomerUscc);
    }
}
