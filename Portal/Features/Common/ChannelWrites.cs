using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Features.Notifications;

namespace Portal.Features;

/// <summary>
/// Runs one use case's changes in one transaction over the whole channel: load, decide, change, audit, commit.
/// On SQLite the transaction begins IMMEDIATE (Microsoft.Data.Sqlite's default), so writers queue on the lock and
/// the next one sees the previous one's commit. Where the database itself refuses a change that raced another
/// (a unique index: one open protection per customer, one USCC, one audit link), the whole use case runs again on
/// a fresh context and decides again on what is now committed — the loser is then refused by the rules, cleanly.
/// On SQLite the writers of this process also queue on an in-process gate before BEGIN IMMEDIATE, so that they
/// wait for each other without SQLite's sleep-and-retry busy handler (ADR 14).
/// </summary>
public sealed partial class ChannelWrites(PortalData data, NotificationOutbox outbox, ILogger<ChannelWrites> logger)
{
    private const int MaxAttempts = 4;

    /// <summary>
    /// Runs one use case in one transaction. It commits only when the use case succeeded: a refusal changes nothing,
    /// whatever the use case had already changed or saved before it was refused. A state machine that refuses what the
    /// use case checked (another user changed the record meanwhile) is answered as a refusal, never an exception.
    /// </summary>
    public async Task<UseCaseResult<T>> RunAsync<T>(string useCase, Func<PortalDbContext, CancellationToken, Task<UseCaseResult<T>>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            return await ExecuteAsync(useCase, work, static result => result.Succeeded, cancellationToken).ConfigureAwait(false);
        }
        catch (DomainException ex)
        {
            return Refusal.From(ex);
        }
    }

    /// <summary>
    /// Runs one use case as a rehearsal (an import's dry run): the same work in the same kind of transaction, deciding on
    /// the same rules and on what it has itself written so far, and then rolled back whatever it answered.
    /// </summary>
    public async Task<UseCaseResult<T>> RehearseAsync<T>(string useCase, Func<PortalDbContext, CancellationToken, Task<UseCaseResult<T>>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            return await ExecuteAsync(useCase, work, static _ => false, cancellationToken).ConfigureAwait(false);
        }
        catch (DomainException ex)
        {
            return Refusal.From(ex);
        }
    }

    /// <summary>Runs one unit of system work (a batch of the expiry job, an audit entry) in one transaction, and commits it.</summary>
    public Task<T> RunUnitAsync<T>(string unit, Func<PortalDbContext, CancellationToken, Task<T>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        return ExecuteAsync(unit, work, static _ => true, cancellationToken);
    }

    private async Task<T> ExecuteAsync<T>(string useCase, Func<PortalDbContext, CancellationToken, Task<T>> work, Func<T, bool> commit, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await data.ForRulesAsync(cancellationToken).ConfigureAwait(false);

            // The use case is one unit: on any failure the whole transaction rolls back, so the savepoint EF would
            // otherwise set around every SaveChanges inside it buys nothing (and costs two statements each).
            db.Database.AutoSavepointsEnabled = false;
            try
            {
                // SQL Server's connection-resiliency strategy retries a transient failure by running the whole unit
                // again; it refuses a transaction begun outside it. On SQLite the strategy simply runs it once.
                return await db.Database.CreateExecutionStrategy().ExecuteAsync(
                    (db, work, commit, outbox),
                    static async (_, state, ct) =>
                    {
                        var (db, work, commit, outbox) = state;
                        db.ChangeTracker.Clear();
                        outbox.Discarded(db);
                        using var gate = await SqliteWriteGate.EnterAsync(db, ct).ConfigureAwait(false);
                        await using var transaction = await ChannelWriteLock.BeginAsync(db, ct).ConfigureAwait(false);
                        try
                        {
                            var result = await work(db, ct).ConfigureAwait(false);
                            if (!commit(result))
                            {
                                await RollbackQuietlyAsync(transaction).ConfigureAwait(false);
                                db.ChangeTracker.Clear();
                                outbox.Discarded(db);
                                return result;
                            }

                            await db.SaveChangesAsync(ct).ConfigureAwait(false);
                            await transaction.CommitAsync(ct).ConfigureAwait(false);
                            outbox.Committed(db);
                            return result;
                        }
                        catch
                        {
                            // Release the write lock before the gate: the next writer must not wait on SQLite.
                            await RollbackQuietlyAsync(transaction).ConfigureAwait(false);
                            outbox.Discarded(db);
                            throw;
                        }
                    },
                    verifySucceeded: null,
                    cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateException ex) when (attempt < MaxAttempts)
            {
                // A concurrent writer committed first (unique index or concurrency token): the transaction was
                // rolled back; decide again on a fresh context.
                LogRetry(logger, useCase, attempt, ex.InnerException?.Message ?? ex.Message);
            }
        }
    }

    private static async Task RollbackQuietlyAsync(IDbContextTransaction transaction)
    {
        try
        {
            await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (System.Data.Common.DbException)
        {
            // The connection is gone and the transaction with it; the original failure is what matters.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{UseCase} lost a race (attempt {Attempt}: {Cause}); deciding again")]
    private static partial void LogRetry(ILogger logger, string useCase, int attempt, string cause);
}
