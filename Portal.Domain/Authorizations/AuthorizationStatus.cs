namespace Portal.Domain.Authorizations;

/// <summary>The state of a cross-region authorization (DESIGN.md §5.3).</summary>
public enum AuthorizationStatus
{
    Requested,
    Approved,
    Rejected,
    Expired,
    Revoked,
}
