using Portal.Domain.Common;

namespace Portal.Domain.Compliance;

/// <summary>A case opened from a public violation report (举报).</summary>
public sealed partial class ViolationCase
{
    /// <summary>
    /// A public report: the subject as the reporter named it (<paramref name="subjectText"/>, an agent code or a name),
    /// the agent it resolved to if the text was an agent's code, and an optional way to reach the reporter.
    /// </summary>
    public static ViolationCase FromReport(int? subjectAgentId, string subjectText, ViolationType type, string description, string? reporterContact, DateTime openedAt)
    {
        var subject = Guard.Text(subjectText, SubjectTextMaxLength, nameof(subjectText));
        var contact = Guard.OptionalText(reporterContact, ReporterContactMaxLength, nameof(reporterContact));
        return new ViolationCase(subjectAgentId, subject, type, CaseSource.Report, description, openedAt) { ReporterContact = contact };
    }
}
