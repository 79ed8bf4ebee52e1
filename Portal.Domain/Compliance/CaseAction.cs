namespace Portal.Domain.Compliance;

/// <summary>What can be done to a violation case (DESIGN.md §5.4); each is one method of <see cref="ViolationCase"/>.</summary>
public enum CaseAction
{
    /// <summary>Reported → UnderInvestigation.</summary>
    StartInvestigation,

    /// <summary>UnderInvestigation → Confirmed, once the subject agent is identified.</summary>
    Confirm,

    /// <summary>UnderInvestigation → Dismissed (terminal).</summary>
    Dismiss,

    /// <summary>Confirmed → Penalized, opening the appeal window.</summary>
    Penalize,

    /// <summary>Penalized → Appealed while the appeal window is open.</summary>
    Appeal,

    /// <summary>Appealed → Closed with the penalty upheld.</summary>
    UpholdPenalty,

    /// <summary>Appealed → Closed with the penalty lifted.</summary>
    LiftPenalty,

    /// <summary>Penalized → Closed once the appeal window has passed without an appeal.</summary>
    Close,
}
