using System.ComponentModel.DataAnnotations;

namespace Portal.Domain.Policy;

/// <summary>The penalty ladder's settings (DESIGN.md §4), bound from the <c>Penalty</c> section.</summary>
public sealed class PenaltyOptions
{
    public const string SectionName = "Penalty";

    /// <summary>How long a Suspension lasts.</summary>
    [Range(1, 3650)]
    public int SuspensionDays { get; set; } = 30;

    /// <summary>How long after a penalty the agent may appeal it.</summary>
    [Range(1, 365)]
    public int AppealDays { get; set; } = 15;

    /// <summary>
    /// How long a case may wait for its decision — investigation, confirmation or an appeal's outcome — before the case
    /// list shows it as overdue.
    /// </summary>
    [Range(1, 365)]
    public int DecisionDays { get; set; } = 30;

    /// <summary>How far back confirmed violations count towards the ladder.</summary>
    [Range(1, 120)]
    public int WindowMonths { get; set; } = 12;
}
