using Portal.Domain.Compliance;

namespace Portal.Features.Compliance;

/// <summary>A confirmed case the ladder counted towards the minimum.</summary>
public sealed record CountedCase(int Id, ViolationType Type, DateTime ConfirmedAt);

/// <summary>A deal the disqualification would cancel.</summary>
public sealed record CascadeDeal(int Id, string CustomerName, string Status);

/// <summary>A customer the disqualification would pass to the parent (<see cref="ToAgentCode"/>) or release (null).</summary>
public sealed record CascadeCustomer(string Uscc, string LegalName, string? ToAgentCode);

/// <summary>A sub-agent the disqualification would move under <see cref="ToAgentCode"/> (null: signed by the vendor directly).</summary>
public sealed record CascadeAgent(string Code, string LegalName, string? ToAgentCode);

/// <summary>
/// What a disqualification would do, counted, with the first <see cref="PenaltyPreview.FirstRows"/> rows of each: the
/// same plan the penalty then carries out, unless the channel changes in between.
/// </summary>
public sealed record CascadePreview(
    int DealsCancelled,
    int CustomersToParent,
    int CustomersReleased,
    int SubAgentsMoved,
    int AuthorizationsRevoked,
    IReadOnlyList<CascadeDeal> Deals,
    IReadOnlyList<CascadeCustomer> Customers,
    IReadOnlyList<CascadeAgent> SubAgents);

/// <summary>
/// The penalty form's facts before Compliance decides (nothing changes): the ladder's minimum for this case, the confirmed
/// cases it counted, the agent's contract state, and — when the penalty looked at is a disqualification — its cascade.
/// </summary>
public sealed record PenaltyPreview(int CaseId, PenaltyKind Minimum, int Ordinal, bool Severe, string AgentCode, string AgentStatus, IReadOnlyList<CountedCase> CountedCases, CascadePreview? Cascade)
{
    /// <summary>How many rows of each cascade list the preview shows.</summary>
    public const int FirstRows = 5;
}
