namespace Portal.Features;

/// <summary>
/// A service refused an action the current user's role does not allow. Pages never offer such actions; this
/// is the check that holds when a crafted request asks anyway.
/// </summary>
public sealed class AccessDeniedException : Exception
{
    public AccessDeniedException()
        : base("The current user may not perform this action.")
    {
    }

    public AccessDeniedException(string message)
        : base(message)
    {
    }

    public AccessDeniedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Refuses unless <paramref name="user"/> holds <paramref name="policy"/> (a <c>PortalPolicies</c> name).</summary>
    public static void UnlessMay(Auth.CurrentUser? user, string policy)
    {
        if (user is null || !user.May(policy))
        {
            throw new AccessDeniedException();
        }
    }

    public static void Unless(bool allowed)
    {
        if (!allowed)
        {
            throw new AccessDeniedException();
        }
    }
}
