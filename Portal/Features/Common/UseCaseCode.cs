namespace Portal.Features;

/// <summary>
/// Refusal codes of the application services that are not channel rules (those are <c>ReasonCode</c>): a record that
/// does not exist, a name already taken. Stable like the rule codes; the portal shows <c>Reason_&lt;CODE&gt;</c>.
/// </summary>
public static class UseCaseCode
{
    /// <summary>The record does not exist for the caller.</summary>
    public const string NotFound = "NOT_FOUND";

    /// <summary>Another agent already has this code (agent codes are unique).</summary>
    public const string AgentCodeTaken = "AGENT_CODE_TAKEN";

    /// <summary>Another agent is already registered under this USCC (one company, one agent).</summary>
    public const string UsccTaken = "USCC_TAKEN";

    /// <summary>A well-formed USCC that names no customer the caller can see.</summary>
    public const string UnknownCustomer = "UNKNOWN_CUSTOMER";

    /// <summary>An agent code that names no agent.</summary>
    public const string UnknownAgent = "UNKNOWN_AGENT";

    public static IReadOnlyList<string> All { get; } = [NotFound, AgentCodeTaken, UsccTaken, UnknownCustomer, UnknownAgent];
}
