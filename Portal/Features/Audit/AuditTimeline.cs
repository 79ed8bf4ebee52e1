using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Audit;

namespace Portal.Features.Audit;

/// <summary>
/// One entry of a record's history as its page shows it: when (UTC), who, what (the audit action, shown as
/// <c>AuditAction_&lt;Name&gt;</c>), and the reason codes of the decision.
/// </summary>
public sealed record TimelineEntry(DateTime At, string Actor, string Action, IReadOnlyList<string> ReasonCodes);

/// <summary>A record's timeline, read from the audit log: every entry written about it, oldest first, whoever wrote it.</summary>
public static class AuditTimeline
{
    // Names a kind of record was written under before the vocabulary was typed (ADR 18): the expiry job and the
    // disqualification cascade wrote a deal's transitions as "DealRegistration". Their entries belong to the same timeline.
    private static readonly Dictionary<AuditEntity, string[]> FormerNames = new()
    {
        [AuditEntity.Deal] = ["DealRegistration"],
    };

    /// <summary>Every name entries about <paramref name="entity"/> were written under: its own and any former one.</summary>
    public static IReadOnlyList<string> NamesOf(AuditEntity entity) => [entity.ToString(), .. FormerNames.GetValueOrDefault(entity, [])];

    /// <summary>The record's entries, oldest first; <paramref name="db"/> may read the whole log (the caller has checked the record is visible).</summary>
    public static async Task<IReadOnlyList<TimelineEntry>> OfAsync(PortalDbContext db, AuditEntity entity, int id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var types = NamesOf(entity);
        var entityId = id.ToString(CultureInfo.InvariantCulture);
        var rows = await db.AuditEntries.AsNoTracking()
            .Where(e => types.Contains(e.EntityType) && e.EntityId == entityId)
            .OrderBy(e => e.Sequence)
            .Select(e => new { e.At, e.Actor, e.Action, e.ReasonCodes })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => new TimelineEntry(r.At, r.Actor, r.Action, Codes(r.ReasonCodes)))];
    }

    /// <summary>The comma-separated reason codes of an entry, as a list.</summary>
    public static IReadOnlyList<string> Codes(string? reasonCodes) =>
        string.IsNullOrEmpty(reasonCodes) ? [] : reasonCodes.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
