namespace Portal.Domain.Compliance;

/// <summary>
/// The bytes of a piece of evidence, kept apart from its description so that reading a case does not load its files.
/// A stored file never changes: it is written once, with its evidence, and served back byte for byte.
/// </summary>
public sealed class EvidenceFile
{
    private EvidenceFile()
    {
    }

    public EvidenceFile(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        Content = content;
    }

    /// <summary>The evidence this file belongs to (its key too: one file per piece of evidence).</summary>
    public int EvidenceId { get; private set; }

    public byte[] Content { get; private set; } = [];
}
