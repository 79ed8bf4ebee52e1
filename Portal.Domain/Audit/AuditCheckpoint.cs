namespace Portal.Domain.Audit;

/// <summary>
/// The chain's head as it was on a business day (DESIGN.md §8): its sequence and hash, recorded once a day so that an
/// operator can keep a copy outside the system. Verified against such a copy, the chain proves that nothing at or before
/// that link was rewritten or removed — the removal of the newest entries with the head row included.
/// </summary>
public sealed class AuditCheckpoint
{
    private AuditCheckpoint()
    {
    }

    public AuditCheckpoint(AuditLink head, DateOnly day, DateTime at)
    {
        ArgumentException.ThrowIfNullOrEmpty(head.Hash);
        Sequence = head.Sequence;
        Hash = head.Hash;
        Day = day;
        At = at;
    }

    public int Id { get; private set; }

    /// <summary>The business day the checkpoint belongs to (one per day).</summary>
    public DateOnly Day { get; private set; }

    public DateTime At { get; private set; }

    public long Sequence { get; private set; }

    public string Hash { get; private set; } = string.Empty;

    public AuditLink Link => new(Sequence, Hash);
}
