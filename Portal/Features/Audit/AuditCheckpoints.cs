using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Domain.Audit;

namespace Portal.Features.Audit;

/// <summary>A checkpoint as it is listed and downloaded: the business day, when it was taken, and the head's link.</summary>
public sealed record CheckpointView(DateOnly Day, DateTime At, long Sequence, string Hash);

/// <summary>
/// The audit chain's daily checkpoints (DESIGN.md §8): once per business day the head's sequence and hash are recorded,
/// for an operator to download and keep outside the system; <see cref="AuditLogService.VerifyAsync"/> then proves the
/// chain against such a copy. Recorded by the background worker (idempotent: the day's first call records it).
/// </summary>
public sealed class AuditCheckpoints(ChannelWrites writes, PortalData data, BusinessClock clock)
{
    /// <summary>How many checkpoints the page lists, newest first.</summary>
    public const int Listed = 30;

    /// <summary>Records today's checkpoint at <paramref name="now"/> unless the day has one (or the chain is empty).</summary>
    public Task<CheckpointView?> RecordAsync(DateTime now, CancellationToken cancellationToken = default) =>
        writes.RunUnitAsync<CheckpointView?>("RecordAuditCheckpoint", async (db, ct) =>
        {
            var day = clock.DateOf(now);
            if (await db.AuditCheckpoints.AnyAsync(c => c.Day == day, ct).ConfigureAwait(false)
                || await db.AuditHeads.AsNoTracking().SingleOrDefaultAsync(ct).ConfigureAwait(false) is not { } head)
            {
                return null;
            }

            var checkpoint = new AuditCheckpoint(head.Link, day, now);
            db.AuditCheckpoints.Add(checkpoint);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            return ViewOf(checkpoint);
        }, cancellationToken);

    /// <summary>The newest checkpoints, for Compliance and the Admin to download.</summary>
    public async Task<IReadOnlyList<CheckpointView>> ListAsync(CurrentUser user, CancellationToken cancellationToken = default)
    {
        AccessDeniedException.UnlessMay(user, PortalPolicies.ReadAudit);
        await using var db = await data.ForAsync(user, cancellationToken).ConfigureAwait(false);
        var checkpoints = await db.AuditCheckpoints.AsNoTracking().OrderByDescending(c => c.Day).Take(Listed).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. checkpoints.Select(ViewOf)];
    }

    private static CheckpointView ViewOf(AuditCheckpoint checkpoint) => new(checkpoint.Day, checkpoint.At, checkpoint.Sequence, checkpoint.Hash);
}
