namespace Portal.Domain.Authorizations;

/// <summary>The state of a cross-region authorization (DESIGN.md §5.3).</summary>
public enum AuthorizationStatus
{
    Requested,
    Approved,
    Rejected,
    Expired,
    Revoked,

    /// <summary>The request was not decided by its deadline (ADR 28): terminal, like a rejection.</summary>
    Lapsed,
}
