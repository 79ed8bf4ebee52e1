namespace Portal.Domain.Audit;

/// <summary>
/// The newest link of the audit chain, kept in a row of its own and moved in the same transaction as every append.
/// The chain alone cannot reveal that its newest entries were deleted; comparing it with the head can.
/// </summary>
public sealed class AuditHead
{
    public const int SingletonId = 1;

    private AuditHead()
    {
    }

    public AuditHead(AuditEntry entry)
    {
        Id = SingletonId;
        MoveTo(entry);
    }

    public int Id { get; private set; }

    public long Sequence { get; private set; }

    public string Hash { get; private set; } = string.Empty;

    /// <summary>The newest link, as the next entry chains to it.</summary>
    public AuditLink Link => new(Sequence, Hash);

    public void MoveTo(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Sequence = entry.Sequence;
        Hash = entry.Hash;
    }
}
