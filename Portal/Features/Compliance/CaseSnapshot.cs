using Portal.Domain.Compliance;

namespace Portal.Features.Compliance;

/// <summary>
/// A case's decision-relevant state as its audit entries record it. The reporter's contact is left out: the audit trail
/// is read by more people than the case (Admin), and a reporter must be safe from the agent reported. A note added to
/// the timeline with the change is recorded with it.
/// </summary>
internal static class CaseSnapshot
{
    public static object Of(ViolationCase violation, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(violation);
        return new
        {
            violation.State,
            violation.Type,
            violation.Source,
            violation.SubjectAgentId,
            violation.SubjectText,
            violation.Severe,
            violation.ConfirmedAt,
            violation.Penalty,
            violation.FineAmount,
            violation.PenalizedAt,
            violation.AppealDeadline,
            violation.ClosedAt,
            Note = note,
        };
    }
}
