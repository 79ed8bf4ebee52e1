using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

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
}
