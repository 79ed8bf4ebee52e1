using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audit;

namespace Portal.Data;

/// <summary>
/// The one way entries are added to the audit log: the next link of the chain, and the head moved with it, in the
/// caller's transaction. (Portal's AuditTrail and the seeders both come here.) Several entries may be appended in one
/// transaction without saving in between: the head being moved is the one this context already tracks.
/// </summary>
public static class AuditWriter
{
    // Every write of the portal appends here, so the head's query is compiled once.
    private static readonly PerModel<Func<PortalDbContext, CancellationToken, Task<AuditHead?>>> Head = new(() =>
        EF.CompileAsyncQuery((PortalDbContext db, CancellationToken ct) => db.AuditHeads.SingleOrDefault(h => h.Id == AuditHead.SingletonId)));

    public static async Task<AuditEntry> AppendAsync(PortalDbContext db, DateTime at, AuditRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(record);

        // The head row names the chain's newest link (it moves with every append, in the same transaction), so the
        // next link needs no search of the log; only a log written before the head existed is read for its tail.
        var head = db.AuditHeads.Local.FirstOrDefault() ?? await Head.For(db)(db, cancellationToken).ConfigureAwait(false);
        var previous = head?.Link ?? await LastLinkAsync(db, cancellationToken).ConfigureAwait(false);
        var entry = AuditChain.Append(
            previous,
            at,
            record.Actor,
            record.Action.ToString(),
            record.Entity.ToString(),
            record.EntityId,
            AuditJson.Of(record.Before),
            AuditJson.Of(record.After),
            record.ReasonCodes);
        db.AuditEntries.Add(entry);
        if (head is null)
        {
            db.AuditHeads.Add(new AuditHead(entry));
        }
        else
        {
            head.MoveTo(entry);
        }

        return entry;
    }

    private static async Task<AuditLink?> LastLinkAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        // The chain spans every record, whoever's context this is.
        var last = await db.AuditEntries.IgnoreQueryFilters().AsNoTracking()
            .OrderByDescending(e => e.Sequence).Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return last is null ? null : new AuditLink(last.Sequence, last.Hash);
    }
}
