using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Portal.Data;

/// <summary>
/// The channel's one write lock, taken at the start of every write transaction and held until it ends (ADR 35). Every
/// use case reads, decides on what it read and writes, and every write appends to the one audit chain, so writers
/// take turns on every engine, as SQLite makes them: SQLite by BEGIN IMMEDIATE, PostgreSQL by a transaction-scoped
/// advisory lock, SQL Server by a transaction-owned application lock. Readers never wait for it.
/// </summary>
public static class ChannelWriteLock
{
    /// <summary>The advisory lock's key on PostgreSQL ("CHANNELS" in ASCII, as a number).</summary>
    public const long PostgreSqlKey = 0x4348_414E_4E45_4C53;

    /// <summary>The statement that takes the lock inside an open transaction, or null where BEGIN takes it (SQLite).</summary>
    public static string? Sql(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => null,
        DatabaseProvider.PostgreSql => $"SELECT pg_advisory_xact_lock({PostgreSqlKey})",
        DatabaseProvider.SqlServer =>
            "DECLARE @granted int; " +
            "EXEC @granted = sp_getapplock @Resource = N'Channels.Writes', @LockMode = N'Exclusive', @LockOwner = N'Transaction', @LockTimeout = 30000; " +
            "IF @granted < 0 THROW 51000, N'The channel write lock was not granted.', 1;",
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };

    /// <summary>Takes the lock in the context's current transaction (nothing to do on SQLite).</summary>
    public static async Task TakeAsync(DatabaseFacade database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (Sql(DatabaseProviders.Of(database)) is { } sql)
        {
            await database.ExecuteSqlRawAsync(sql, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Begins a write transaction holding the lock. On SQLite, BEGIN IMMEDIATE: the write lock is taken at the start, so
    /// two writers never both read and then collide when upgrading to write (SQLITE_BUSY); the second waits
    /// (busy_timeout) and then reads the first's commit. On the server engines the same turn-taking comes from the lock
    /// statement, across every instance.
    /// </summary>
    public static async Task<IDbContextTransaction> BeginAsync(DbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.GetDbConnection() is SqliteConnection sqlite)
        {
            await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            var immediate = sqlite.BeginTransaction(deferred: false);
            return await db.Database.UseTransactionAsync(immediate, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The SQLite transaction was not enlisted.");
        }

        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await TakeAsync(db.Database, cancellationToken).ConfigureAwait(false);
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
