namespace Portal.Domain.Compliance;

/// <summary>The penalty ladder, mildest first (DESIGN.md §4).</summary>
public enum PenaltyKind
{
    Warning = 1,
    Fine = 2,
    Suspension = 3,
    Disqualification = 4,
}
