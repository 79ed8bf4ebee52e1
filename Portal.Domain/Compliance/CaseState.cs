namespace Portal.Domain.Compliance;

/// <summary>The state of a violation case (DESIGN.md §5.4).</summary>
public enum CaseState
{
    Reported,
    UnderInvestigation,
    Confirmed,
    Dismissed,
    Penalized,
    Appealed,
    Closed,
}
