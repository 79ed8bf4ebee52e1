namespace Portal.Domain.Audit;

/// <summary>
/// Verifies the chain one entry at a time, so a log of any length can be checked in batches without holding it
/// in memory. Feed entries in sequence order until <see cref="Accept"/> returns false or the log ends.
/// </summary>
public sealed class AuditChainVerifier
{
    private string _expectedPrevious = AuditChain.Genesis;
    private long _expectedSequence = 1;
    private long _verified;
    private AuditVerification? _broken;
    private AuditLink? _checkpoint;

    /// <summary>A verifier that also holds the chain to a checkpoint kept outside the system (see <see cref="AuditCheckpoint"/>).</summary>
    public static AuditChainVerifier Against(AuditLink? checkpoint) => new() { _checkpoint = checkpoint };

    public AuditVerification Result => _broken ?? AuditVerification.Intact(_verified, _expectedPrevious);

    /// <summary>
    /// Ends the walk against the recorded head: entries missing after the last one read (a truncated tail) break
    /// the chain at the first missing sequence number.
    /// </summary>
    public AuditVerification Complete(AuditHead? head)
    {
        if (_broken is null && head is not null && (head.Sequence != _expectedSequence - 1 || head.Hash != _expectedPrevious))
        {
            _broken = AuditVerification.Broken(_verified, Math.Min(_expectedSequence, head.Sequence), AuditBreak.MissingEntry);
        }

        // The checkpoint's entry was never reached: the chain now ends before it (its newest entries were removed).
        if (_broken is null && _checkpoint is { } checkpoint && checkpoint.Sequence >= _expectedSequence)
        {
            _broken = AuditVerification.Broken(_verified, checkpoint.Sequence, AuditBreak.CheckpointMismatch);
        }

        return Result;
    }

    /// <summary>Checks the next entry; false once a link is broken (the result then names it).</summary>
    public bool Accept(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (_broken is not null)
        {
            return false;
        }

        var failure = entry.Sequence != _expectedSequence ? AuditBreak.MissingEntry
            : entry.PreviousHash != _expectedPrevious ? AuditBreak.PreviousHashMismatch
            : AuditChain.ComputeHash(entry) != entry.Hash ? AuditBreak.ContentAltered
            : (AuditBreak?)null;
        if (failure is { } reason)
        {
            _broken = AuditVerification.Broken(_verified, reason == AuditBreak.MissingEntry ? _expectedSequence : entry.Sequence, reason);
            return false;
        }

        if (_checkpoint is { } checkpoint && checkpoint.Sequence == entry.Sequence && !string.Equals(checkpoint.Hash, entry.Hash, StringComparison.OrdinalIgnoreCase))
        {
            _broken = AuditVerification.Broken(_verified, entry.Sequence, AuditBreak.CheckpointMismatch);
            return false;
        }

        _expectedPrevious = entry.Hash;
        _expectedSequence++;
        _verified++;
        return true;
    }
}
