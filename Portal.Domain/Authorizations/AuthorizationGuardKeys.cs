namespace Portal.Domain.Authorizations;

/// <summary>
/// The guard descriptions of the cross-region authorization machine. They are stable keys: the portal shows
/// <c>Guard_&lt;Key&gt;</c> in the user's language, and they appear in the exported graph. Never rename one.
/// </summary>
public static class AuthorizationGuardKeys
{
    /// <summary>Expire: the window's last day (<see cref="CrossRegionAuthorization.ValidUntil"/>) is before today.</summary>
    public const string ValidityEnded = nameof(ValidityEnded);

    /// <summary>TimeOut: the request's deadline (<see cref="CrossRegionAuthorization.ReviewDeadline"/>) has come.</summary>
    public const string RequestDeadlinePassed = nameof(RequestDeadlinePassed);

    public static IReadOnlyList<string> All { get; } = [ValidityEnded, RequestDeadlinePassed];
}
