using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Components.Common;
using Portal.Data;
using Portal.Domain.Audit;

namespace Portal.Features.Audit;

/// <summary>
/// The audit log's filters; null means any. <see cref="EntityId"/> applies with <see cref="Entity"/>;
/// <see cref="From"/>/<see cref="To"/> are business days; <see cref="Search"/> is the free text of the search box.
/// </summary>
public sealed record AuditFilter(string? Search = null, AuditEntity? Entity = null, string? EntityId = null, string? Actor = null, AuditAction? Action = null, DateOnly? From = null, DateOnly? To = null);

public sealed record AuditRow(long Sequence, DateTime At, string Actor, string Action, string EntityType, string EntityId, string? ReasonCodes, string Hash);

/// <summary>Reading and verifying the hash-chained audit log (Compliance and Admin).</summary>
public sealed class AuditLogService(PortalData data, BusinessClock clock)
{
    private const int VerifyBatchSize = 5000;

    // Past every character an actor name holds: [term, term + PrefixEnd) is every actor that starts with the term.
    private const char PrefixEnd = '\uffff';

    // The actions' and record types' names, which the search's term is compared with before the query is written.
    private static readonly string[] CommonNames = [.. Enum.GetNames<AuditAction>(), .. Enum.GetNames<AuditEntity>()];

    /// <summary>One page of the log, newest first unless asked otherwise, narrowed by <paramref name="filter"/> in the database.</summary>
    public async Task<PagedResult<AuditRow>> ListAsync(CurrentUser user, AuditFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(page);
        Authorize(user);
        await using var db = await data.ForAsync(user, cancellationToken).ConfigureAwait(false);
        var items = await PageQuery(db, filter, page).ToListAsync(cancellationToken).ConfigureAwait(false);
        return await GridCount.PageAsync(Filtered(db, filter), page, items, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Every entry the log shows for this filter, newest first unless asked otherwise, read one at a time (the export,
    /// ADR 29): the same filter as <see cref="ListAsync"/>.
    /// </summary>
    public IAsyncEnumerable<AuditRow> ExportAsync(CurrentUser user, AuditFilter filter, string? sortBy, bool descending, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        Authorize(user);
        return ReadAllAsync(user, filter, sortBy, descending, cancellationToken);
    }

    private async IAsyncEnumerable<AuditRow> ReadAllAsync(CurrentUser user, AuditFilter filter, string? sortBy, bool descending, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var db = await data.ForAsync(user, cancellationToken).ConfigureAwait(false);
        await foreach (var row in Listed(Filtered(db, filter), sortBy, descending).AsAsyncEnumerable().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return row;
        }
    }

    /// <summary>One page of the log, in the database.</summary>
    internal IQueryable<AuditRow> PageQuery(PortalDbContext db, AuditFilter filter, PageRequest page) =>
        Listed(Filtered(db, filter), page.SortBy, page.Descending).Skip(page.Skip).Take(page.Take);

    // The log's filters, in the database: the one definition the page and the export share.
    private IQueryable<AuditEntry> Filtered(PortalDbContext db, AuditFilter filter)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            // A term that names part of an action or a record type matches a large share of the log: reading it newest
            // first finds a page at once. Any other term can only be the start of an actor or a whole record id, which
            // their indexes find (ADR 43).
            var term = filter.Search.Trim();
            query = CommonNames.Any(name => name.Contains(term, StringComparison.Ordinal))
                ? query.Where(e => e.Action.Contains(term) || e.Actor.Contains(term) || e.EntityType.Contains(term) || e.EntityId == term)
                : query.Where(e => (e.Actor.CompareTo(term) >= 0 && e.Actor.CompareTo(term + PrefixEnd) < 0) || e.EntityId == term);
        }

        if (filter.Entity is { } entity)
        {
            var names = AuditTimeline.NamesOf(entity);
            query = query.Where(e => names.Contains(e.EntityType));
            if (!string.IsNullOrWhiteSpace(filter.EntityId))
            {
                var id = filter.EntityId.Trim();
                query = query.Where(e => e.EntityId == id);
            }
        }

        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            // The beginning of the actor's e-mail (or "system"): a range of the actor index.
            var actor = filter.Actor.Trim();
            query = query.Where(e => e.Actor.CompareTo(actor) >= 0 && e.Actor.CompareTo(actor + PrefixEnd) < 0);
        }

        if (filter.Action is { } action)
        {
            var name = action.ToString();
            query = query.Where(e => e.Action == name);
        }

        if (filter.From is { } from)
        {
            var start = clock.Calendar.StartOfDay(from);
            query = query.Where(e => e.At >= start);
        }

        if (filter.To is { } to)
        {
            var end = clock.Calendar.EndOfDay(to);
            query = query.Where(e => e.At < end);
        }

        return query;
    }

    // In sequence order, read by Id: the two grow together (entries are appended one at a time under the write lock),
    // and every index of the log ends with the Id, so a filtered list comes from its index already in order (ADR 43).
    private static IQueryable<AuditRow> Listed(IQueryable<AuditEntry> query, string? sortBy, bool descending) =>
        (sortBy == nameof(AuditRow.Sequence) && !descending ? query.OrderBy(e => e.Id) : query.OrderByDescending(e => e.Id))
            .Select(e => new AuditRow(e.Sequence, e.At, e.Actor, e.Action, e.EntityType, e.EntityId, e.ReasonCodes, e.Hash));

    /// <summary>
    /// Recomputes the whole chain in batches and reports the first broken link; given a <paramref name="checkpoint"/> kept
    /// outside the system, also that its entry is still there with the same hash (so nothing at or before it was rewritten
    /// or removed, the newest entries and the head row included).
    /// </summary>
    public async Task<AuditVerification> VerifyAsync(CurrentUser user, AuditLink? checkpoint = null, CancellationToken cancellationToken = default)
    {
        Authorize(user);
        await using var db = await data.ForAsync(user, cancellationToken).ConfigureAwait(false);
        var verifier = AuditChainVerifier.Against(checkpoint);
        long after = 0;
        while (true)
        {
            var batch = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence > after).OrderBy(e => e.Sequence).Take(VerifyBatchSize).ToListAsync(cancellationToken).ConfigureAwait(false);
            if (!batch.TrueForAll(verifier.Accept))
            {
                return verifier.Result;
            }

            if (batch.Count < VerifyBatchSize)
            {
                var head = await db.AuditHeads.AsNoTracking().SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
                return verifier.Complete(head);
            }

            after = batch[^1].Sequence;
        }
    }

    private static void Authorize(CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        AccessDeniedException.UnlessMay(user, PortalPolicies.ReadAudit);
    }
}
