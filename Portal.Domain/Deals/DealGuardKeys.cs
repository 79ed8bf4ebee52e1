namespace Portal.Domain.Deals;

/// <summary>
/// The guard descriptions of the deal registration machine. They are stable keys: the portal shows
/// <c>Guard_&lt;Key&gt;</c> in the user's language, and they appear in the exported graph. Never rename one.
/// </summary>
public static class DealGuardKeys
{
    /// <summary>RequestExtension: no extension has been requested on this registration before (DESIGN.md §4: "extended once").</summary>
    public const string ExtensionNotYetUsed = nameof(ExtensionNotYetUsed);

    /// <summary>RequestExtension: the protection has not ended yet; a lapsed registration is expired, not extended.</summary>
    public const string ProtectionInForce = nameof(ProtectionInForce);

    /// <summary>Expire: the protection's end (<see cref="DealRegistration.ProtectedUntil"/>) has come.</summary>
    public const string ProtectionEnded = nameof(ProtectionEnded);

    /// <summary>TimeOut: the decision's deadline (<see cref="DealRegistration.ReviewDeadline"/>) has come.</summary>
    public const string DecisionDeadlinePassed = nameof(DecisionDeadlinePassed);

    public static IReadOnlyList<string> All { get; } = [ExtensionNotYetUsed, ProtectionInForce, ProtectionEnded, DecisionDeadlinePassed];
}
