using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Portal.Domain.Audit;

/// <summary>
/// The hash chain over the audit log: each entry's hash covers its canonical content and the previous entry's
/// hash, so an edit, an insertion or a deletion anywhere is detected by <see cref="Verify"/>.
/// </summary>
public static class AuditChain
{
    /// <summary>The "previous hash" of the first entry.</summary>
    public static readonly string Genesis = new('0', AuditEntry.HashLength);

    public static AuditEntry Append(AuditEntry? previous, DateTime at, string actor, string action, string entityType, string entityId, string? before = null, string? after = null, IEnumerable<string>? reasonCodes = null) =>
        Append(previous?.Link, at, actor, action, entityType, entityId, before, after, reasonCodes);

    /// <summary>The entry that follows <paramref name="previous"/> (null: the first entry of the chain).</summary>
    public static AuditEntry Append(AuditLink? previous, DateTime at, string actor, string action, string entityType, string entityId, string? before = null, string? after = null, IEnumerable<string>? reasonCodes = null)
    {
        var codes = reasonCodes is null ? null : string.Join(',', reasonCodes);
        return new AuditEntry(
            (previous?.Sequence ?? 0) + 1,
            at,
            actor,
            action,
            entityType,
            entityId,
            before,
            after,
            string.IsNullOrEmpty(codes) ? null : codes,
            previous?.Hash ?? Genesis);
    }

    public static string ComputeHash(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);

        // Canonical content: fixed field order, unit separators, round-trip UTC time, invariant culture.
        var canonical = string.Join(
            '\u001f',
            entry.Sequence.ToString(CultureInfo.InvariantCulture),
            entry.At.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
            entry.Actor,
            entry.Action,
            entry.EntityType,
            entry.EntityId,
            entry.Before ?? string.Empty,
            entry.After ?? string.Empty,
            entry.ReasonCodes ?? string.Empty,
            entry.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>Walks the entries in sequence order and reports the first broken link, if any.</summary>
    public static AuditVerification Verify(IEnumerable<AuditEntry> entriesInSequenceOrder)
    {
        ArgumentNullException.ThrowIfNull(entriesInSequenceOrder);
        var verifier = new AuditChainVerifier();
        foreach (var entry in entriesInSequenceOrder)
        {
            if (!verifier.Accept(entry))
            {
                break;
            }
        }

        return verifier.Result;
    }
}
