using Portal.Domain.Regions;

namespace Portal.Domain.Authorizations;

/// <summary>A cross-region authorization as the rules see it; <see cref="CustomerId"/> limits it to one customer.</summary>
public sealed record AuthorizationSnapshot(int Id, int AgentId, RegionCode Region, int? CustomerId, DateOnly ValidFrom, DateOnly ValidUntil, AuthorizationStatus Status)
{
    /// <summary>
    /// Regional protection's exception: Approved, within its validity window (both ends inclusive) on
    /// <paramref name="day"/>, for this agent, containing the region and, when the authorization names a customer,
    /// for that customer only (a customer not yet on file, <paramref name="customerId"/> null, matches none).
    /// </summary>
    public bool Covers(int agentId, RegionCode region, int? customerId, DateOnly day) =>
        Status == AuthorizationStatus.Approved
        && AgentId == agentId
        && ValidFrom <= day && day <= ValidUntil
        && Region.Contains(region)
        && (CustomerId is null || CustomerId == customerId);

    public static AuthorizationSnapshot From(CrossRegionAuthorization authorization)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        return new AuthorizationSnapshot(
            authorization.Id,
            authorization.AgentId,
            RegionCode.Parse(authorization.RegionCode),
            authorization.CustomerId,
            authorization.ValidFrom,
            authorization.ValidUntil,
            authorization.Status);
    }
}
