namespace Portal.Domain.Audit;

/// <summary>Where the chain ends: the newest entry's sequence and hash — all the next entry needs of it.</summary>
public readonly record struct AuditLink(long Sequence, string Hash);
