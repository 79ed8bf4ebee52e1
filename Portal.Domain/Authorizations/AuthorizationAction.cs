namespace Portal.Domain.Authorizations;

/// <summary>What can be done to a cross-region authorization (DESIGN.md §5.3); each is one method of <see cref="CrossRegionAuthorization"/>.</summary>
public enum AuthorizationAction
{
    /// <summary>Requested → Approved by a ChannelManager.</summary>
    Approve,

    /// <summary>Requested → Rejected by a ChannelManager, with a note.</summary>
    Reject,

    /// <summary>Approved → Expired once the validity window has ended.</summary>
    Expire,

    /// <summary>Approved → Revoked before the window ends.</summary>
    Revoke,

    /// <summary>Requested → Lapsed once the decision's deadline has passed (the expiry job's default outcome, ADR 28).</summary>
    TimeOut,
}
