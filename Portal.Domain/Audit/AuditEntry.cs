namespace Portal.Domain.Audit;

/// <summary>
/// One append-only record of a decision or transition. <see cref="Hash"/> is SHA-256 over the entry's canonical
/// content and <see cref="PreviousHash"/>, so changing or deleting any stored entry breaks the chain
/// (see <see cref="AuditChain"/>).
/// </summary>
public sealed class AuditEntry
{
    public const int ActorMaxLength = 256;
    public const int ActionMaxLength = 80;
    public const int EntityTypeMaxLength = 60;
    public const int EntityIdMaxLength = 60;
    public const int HashLength = 64;

    private AuditEntry()
    {
    }

    internal AuditEntry(long sequence, DateTime at, string actor, string action, string entityType, string entityId, string? before, string? after, string? reasonCodes, string previousHash)
    {
        Sequence = sequence;

        // Whole microseconds: the finest time every engine stores as given (PostgreSQL keeps microseconds, SQL Server
        // 100 ns, SQLite text), so the hash computed here is the hash of what is read back, on every engine.
        At = new DateTime(at.Ticks - (at.Ticks % 10), at.Kind);
        Actor = actor;
        Action = action;
        EntityType = entityType;
        EntityId = entityId;
        Before = before;
        After = after;
        ReasonCodes = reasonCodes;
        PreviousHash = previousHash;
        Hash = AuditChain.ComputeHash(this);
    }

    public long Id { get; private set; }

    /// <summary>1, 2, 3, … with no gaps: a unique index makes two writers unable to append the same link.</summary>
    public long Sequence { get; private set; }

    public DateTime At { get; private set; }

    public string Actor { get; private set; } = string.Empty;

    public string Action { get; private set; } = string.Empty;

    public string EntityType { get; private set; } = string.Empty;

    public string EntityId { get; private set; } = string.Empty;

    public string? Before { get; private set; }

    public string? After { get; private set; }

    /// <summary>Comma-separated reason codes of the decision, if any.</summary>
    public string? ReasonCodes { get; private set; }

    public string PreviousHash { get; private set; } = string.Empty;

    public string Hash { get; private set; } = string.Empty;

    /// <summary>This entry as the link the next one chains to.</summary>
    public AuditLink Link => new(Sequence, Hash);
}
