namespace Portal.Domain.Audit;

public enum AuditBreak
{
    MissingEntry,
    PreviousHashMismatch,
    ContentAltered,
}

/// <summary>The outcome of verifying the audit chain: intact, or the first sequence number where it breaks.</summary>
public sealed record AuditVerification(bool IsIntact, long EntriesVerified, long? BrokenAtSequence, AuditBreak? Break)
{
    public static AuditVerification Intact(long count) => new(true, count, null, null);

    public static AuditVerification Broken(long verified, long sequence, AuditBreak reason) => new(false, verified, sequence, reason);
}
