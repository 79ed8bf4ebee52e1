using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Components.Common;
using Portal.Domain.Audit;

namespace Portal.Features.Audit;

public sealed record AuditRow(long Sequence, DateTime At, string Actor, string Action, string EntityType, string EntityId, string? ReasonCodes, string Hash);

/// <summary>Reading and verifying the hash-chained audit log (Compliance and Admin).</summary>
public sealed class AuditLogService(PortalData data)
{
    private const int VerifyBatchSize = 5000;

    public async Task<PagedResult<AuditRow>> ListAsync(CurrentUser user, string? search, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        Authorize(user);
        await using var db = await data.ForAsync(user, cancellationToken).ConfigureAwait(false);
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            query = query.Where(e => e.Action.Contains(term) || e.Actor.Contains(term) || e.EntityType.Contains(term) || e.EntityId == term);
        }

        var total = await query.CountAsync(cancellationToken).ConfigureAwait(false);
        var ordered = page.SortBy == nameof(AuditRow.Sequence) && !page.Descending ? query.OrderBy(e => e.Sequence) : query.OrderByDescending(e => e.Sequence);
        var items = await ordered.Skip(page.Skip).Take(page.Take)
            .Select(e => new AuditRow(e.Sequence, e.At, e.Actor, e.Action, e.EntityType, e.EntityId, e.ReasonCodes, e.Hash))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new PagedResult<AuditRow>(items, total);
    }

    /// <summary>Recomputes the whole chain in batches and reports the first broken link.</summary>
    public async Task<AuditVerification> VerifyAsync(CurrentUser user, CancellationToken cancellationToken = default)
    {
        Authorize(user);
        await using var db = await data.ForAsync(user, cancellationToken).ConfigureAwait(false);
        var verifier = new AuditChainVerifier();
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
