using Portal.Domain.Agents.Disqualification;
using Portal.Domain.Compliance;

namespace Portal.Features.Compliance;

/// <summary>
/// Where a confirmed case stands on the penalty ladder: this is the agent's <see cref="Ordinal"/>-th confirmed
/// violation in the window (<see cref="CountedCaseIds"/>, this case last), so <see cref="Minimum"/> is the mildest
/// penalty Compliance may impose.
/// </summary>
public sealed record LadderPosition(int CaseId, bool Severe, PenaltyKind Minimum, int Ordinal, IReadOnlyList<int> CountedCaseIds);

/// <summary>
/// A penalty imposed: what, against which minimum, until when the agent may appeal, how long a suspension lasts, and —
/// for a disqualification — the cascade that was carried out (deals cancelled, protections handed over or released,
/// sub-agents moved, authorizations revoked, and the parties to notify).
/// </summary>
public sealed record PenaltyOutcome(
    int CaseId,
    CaseState State,
    PenaltyKind Penalty,
    LadderPosition Ladder,
    bool HarsherThanLadder,
    decimal? FineAmount,
    DateTime? SuspendedUntil,
    DateTime AppealDeadline,
    DisqualificationPlan? Cascade);
