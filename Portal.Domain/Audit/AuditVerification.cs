namespace Portal.Domain.Audit;

public enum AuditBreak
{
    MissingEntry,
    PreviousHashMismatch,
    ContentAltered,

    /// <summary>The entry a kept checkpoint names is gone or has another hash.</summary>
    CheckpointMismatch,
}

/// <summary>
/// The outcome of verifying the audit chain: intact (with the head hash, worth noting outside the system as an
/// anchor), or the first sequence number where it breaks.
/// </summary>
public sealed record AuditVerification(bool IsIntact, long EntriesVerified, long? BrokenAtSequence, AuditBreak? Break, string? HeadHash)
{
    /// <summary>The sequence of the newest entry of an intact chain (sequences run from 1 without gaps).</summary>
    public long? HeadSequence => IsIntact ? EntriesVerified : null;

    public static AuditVerification Intact(long count, string headHash) => new(true, count, null, null, headHash);

    public static AuditVerification Broken(long verified, long sequence, AuditBreak reason) => new(false, verified, sequence, reason, null);
}
