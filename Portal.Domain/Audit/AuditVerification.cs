namespace Portal.Domain.Audit;

public enum AuditBreak
{
    MissingEntry,
    PreviousHashMismatch,
    ContentAltered,
}

/// <summary>
/// The outcome of verifying the audit chain: intact (with the head hash, worth noting outside the system as an
/// anchor), or the first sequence number where it breaks.
/// </summary>
public sealed record AuditVerification(bool IsIntact, long EntriesVerified, long? BrokenAtSequence, AuditBreak? Break, string? HeadHash)
{
    public static AuditVerification Intact(long count, string headHash) => new(true, count, null, null, headHash);

    public static AuditVerification Broken(long verified, long sequence, AuditBreak reason) => new(false, verified, sequence, reason, null);
}
