namespace Portal.Domain.Agents;

/// <summary>
/// The guard descriptions of the contract machine. They are stable keys: the portal shows <c>Guard_&lt;Key&gt;</c> in the
/// user's language, and they appear in the exported graph. Never rename one.
/// </summary>
public static class AgentGuardKeys
{
    /// <summary>Reinstate: the suspension's end (<see cref="Agent.SuspendedUntil"/>) has come.</summary>
    public const string SuspensionEnded = nameof(SuspensionEnded);

    /// <summary>Expire: the contract's last day (<see cref="Agent.ContractEnd"/>) is behind us.</summary>
    public const string ContractEnded = nameof(ContractEnded);

    /// <summary>TimeOut: the application's deadline (<see cref="Agent.ReviewDeadline"/>) has come.</summary>
    public const string ApplicationDeadlinePassed = nameof(ApplicationDeadlinePassed);

    public static IReadOnlyList<string> All { get; } = [SuspensionEnded, ContractEnded, ApplicationDeadlinePassed];
}
