using Portal.Domain.Agents;
using Portal.Domain.Authorizations;
using Portal.Domain.Common;
using Portal.Domain.Regions;

namespace Portal.Domain.Customers;

/// <summary>
/// Arbitration (DESIGN.md §9): a ChannelManager moves a customer's protection to another agent or releases it. The
/// manager overrides who holds the customer, never the rest of the policy: the new holder must be allowed to operate
/// where the customer is, exactly as if it registered the customer itself (ADR 0027).
/// </summary>
public static class ProtectionArbitrationRules
{
    /// <summary>The field of the arbitration's body that names the new holder.</summary>
    public const string TargetField = "toAgentCode";

    /// <summary>
    /// Whether <paramref name="target"/> may receive the customer now. Every reason that applies is given:
    /// <c>AGENT_NOT_ACTIVE</c> (only Active agents hold customers, §5.1), <c>OUT_OF_TERRITORY</c> (regional protection,
    /// §2.4: its territory or an Approved, unexpired authorization must cover the customer's region), and the
    /// application's own codes for "nothing is held" and "already the holder" are the service's.
    /// </summary>
    public static Decision DecideTransfer(AgentSnapshot target, RegionCode customerRegion, int customerId, IEnumerable<AuthorizationSnapshot> authorizations, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(authorizations);
        var reasons = new List<Reason>();
        if (!target.IsActive)
        {
            reasons.Add(new Reason(ReasonCode.AgentNotActive, TargetField, target.Code));
        }

        // Regional protection (区域保护): an agent holds customers only where it may operate.
        if (!RegionalProtection.Permits(target, customerRegion, customerId, authorizations, day))
        {
            reasons.Add(new Reason(ReasonCode.OutOfTerritory, TargetField, target.Code));
        }

        return new Decision(reasons);
    }
}
