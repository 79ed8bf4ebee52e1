using Portal.Domain.Agents;
using Portal.Domain.Regions;

namespace Portal.Domain.Authorizations;

public static class RegionalProtection
{
    /// <summary>
    /// Regional protection (区域保护): an agent operates only inside its territory, or where an Approved, unexpired
    /// cross-region authorization covers the region (and the customer, when the authorization names one).
    /// </summary>
    public static bool Permits(AgentSnapshot agent, RegionCode customerRegion, int? customerId, IEnumerable<AuthorizationSnapshot> authorizations, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(authorizations);
        return agent.Covers(customerRegion) || authorizations.Any(a => a.Covers(agent.Id, customerRegion, customerId, day));
    }
}
