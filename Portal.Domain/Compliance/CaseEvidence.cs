namespace Portal.Domain.Compliance;

/// <summary>
/// A piece of evidence in a case: a description and, for evidence filed as a file, the file's name, kind (told from
/// its content), size and SHA-256, with the bytes in <see cref="File"/>. Evidence recorded before files were kept has
/// the name and hash only.
/// </summary>
public sealed class CaseEvidence
{
    public const int DescriptionMaxLength = 2000;
    public const int FileNameMaxLength = 260;
    public const int ContentTypeMaxLength = 100;

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

    /// <summary>Evidence filed as a file of a known <paramref name="type"/>, kept byte for byte.</summary>
    public CaseEvidence(string description, string fileName, EvidenceFileType type, byte[] content, string sha256, DateTime addedAt, string addedBy)
        : this(description, fileName, sha256, addedAt, addedBy)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(content);
        ContentType = type.ContentType;
        Size = content.LongLength;
        File = new EvidenceFile(content);
    }

    public int Id { get; private set; }

    public int CaseId { get; private set; }

    public string Description { get; private set; } = string.Empty;

    public string? FileName { get; private set; }

    public string? Sha256 { get; private set; }

    /// <summary>The file's media type, as its content showed it; null for evidence without a stored file.</summary>
    public string? ContentType { get; private set; }

    /// <summary>The file's length in bytes; null for evidence without a stored file.</summary>
    public long? Size { get; private set; }

    public DateTime AddedAt { get; private set; }

    public string AddedBy { get; private set; } = string.Empty;

    /// <summary>The stored bytes (loaded only when asked for).</summary>
    public EvidenceFile? File { get; private set; }
}
