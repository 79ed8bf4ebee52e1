using Portal.Domain.Common;

namespace Portal.Features.Compliance;

/// <summary>The input fields compliance reasons and field errors point at (the JSON names of the request bodies).</summary>
public static class CaseFields
{
    public const string Subject = "subject";
    public const string SubjectAgentCode = "subjectAgentCode";
    public const string Type = "type";
    public const string Description = "description";
    public const string ReporterContact = "reporterContact";
    public const string Note = "note";
    public const string FileName = "fileName";
    public const string Sha256 = "sha256";
    public const string Grounds = "grounds";
    public const string Investigator = "investigator";
    public const string File = InputField.File;
    public const string Upheld = "upheld";
    public const string Penalty = InputField.Penalty;
    public const string FineAmount = "fineAmount";
    public const string Reason = InputField.WrittenReason;
}
