namespace Portal.Domain.Agents;

/// <summary>The state of an agent's contract (DESIGN.md §5.1).</summary>
public enum ContractStatus
{
    Applied,
    UnderReview,
    Active,
    Rejected,
    Suspended,
    Expired,
    Revoked,
    Terminated,
}
