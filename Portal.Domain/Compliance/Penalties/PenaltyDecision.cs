using Portal.Domain.Common;

namespace Portal.Domain.Compliance.Penalties;

/// <summary>
/// The penalty decision: the ladder's minimum and how it was reached (<see cref="Ordinal"/>: this is the agent's
/// n-th confirmed violation in the window), and, when allowed, the penalty imposed with its consequences.
/// </summary>
public sealed record PenaltyDecision(
    Decision Decision,
    PenaltyKind Minimum,
    int Ordinal,
    IReadOnlyList<int> CountedCaseIds,
    PenaltyKind? Imposed,
    bool IsHarsherThanLadder,
    DateTime? SuspendedUntil,
    DateTime? AppealDeadline)
{
    public bool IsAllowed => Decision.IsAllowed;

    /// <summary>Disqualification (取消代理商资格) sets off the cascade (see <c>DisqualificationCascade</c>).</summary>
    public bool Disqualifies => Imposed == PenaltyKind.Disqualification;
}
