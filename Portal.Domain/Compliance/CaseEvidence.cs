namespace Portal.Domain.Compliance;

/// <summary>A piece of evidence in a case: a description, and optionally a file's name and SHA-256.</summary>
public sealed class CaseEvidence
{
    public const int DescriptionMaxLength = 2000;
    public const int FileNameMaxLength = 260;

    private CaseEvidence()
    {
    }

    public CaseEvidence(string description, string? fileName, string? sha256, DateTime addedAt, string addedBy)
    {
        Description = description;
        FileName = fileName;
        Sha256 = sha256;
        AddedAt = addedAt;
        AddedBy = addedBy;
    }

    public int Id { get; private set; }

    public int CaseId { get; private set; }

    public string Description { get; private set; } = string.Empty;

    public string? FileName { get; private set; }

    public string? Sha256 { get; private set; }

    public DateTime AddedAt { get; private set; }

    public string AddedBy { get; private set; } = string.Empty;
}
