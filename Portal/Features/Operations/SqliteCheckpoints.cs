using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Features.Operations;

/// <summary>
/// Copies SQLite's write-ahead log into the database file in the background, every
/// <c>Database:CheckpointIntervalMilliseconds</c> (default 250). Left to SQLite, the connection whose commit fills
/// the log to 1 000 pages does the copy and its fsync itself, inside the request and while the other writers queue
/// behind it: that was the registration's slowest percentile (ADR 14). A passive checkpoint never waits for a reader
/// or a writer. Connections still checkpoint by themselves, as a backstop, if the log ever reaches 10 000 pages.
/// Nothing to do on the server engines. Several processes on one SQLite file checkpoint from one of them, the holder
/// of the <c>sqlite-checkpoints</c> lease (ADR 36); its runs are counted at each renewal, not by a write per tick.
/// </summary>
public sealed partial class SqliteCheckpoints(IDbContextFactory<PortalDbContext> factory, DatabaseOptions options, BackgroundLeases leases, TimeProvider clock, ILogger<SqliteCheckpoints> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Provider != DatabaseProvider.Sqlite)
        {
            return;
        }

        var lease = leases.For(BackgroundLeases.SqliteCheckpoints);
        await lease.RunAsync(async ct =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(Math.Max(50, options.CheckpointIntervalMilliseconds)), clock);
            while (await timer.WaitForNextTickAsync(ct).ConfigureAwait(false))
            {
                try
                {
                    await lease.TryRunHeldAsync(CheckpointAsync, ct).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The backstop still bounds the log; the next tick tries again.
                    LogFailed(logger, ex);
                }
            }
        }, stoppingToken).ConfigureAwait(false);
    }

    /// <summary>One passive checkpoint: the pages in the log and how many of them are now in the database file.</summary>
    public async Task<CheckpointResult> CheckpointAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var command = db.Database.GetDbConnection().CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                return new CheckpointResult(reader.GetInt32(0) == 1, reader.GetInt32(1), reader.GetInt32(2));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A background WAL checkpoint failed; the next one tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

/// <summary>What <c>PRAGMA wal_checkpoint</c> answers: whether it was blocked, the log's pages, the pages copied.</summary>
public readonly record struct CheckpointResult(bool Busy, int LogPages, int CheckpointedPages);
