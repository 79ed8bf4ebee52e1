using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Portal.Data;

/// <summary>
/// Sets the per-connection SQLite pragmas on every connection EF opens: wait for the write lock instead of
/// failing with SQLITE_BUSY, NORMAL synchronous (durable in WAL mode except on power loss), foreign keys, and
/// checkpoints left to the background worker.
/// Pragmas belong to the native connection, which Microsoft.Data.Sqlite pools and hands out again on the next
/// open, so each native connection is set once rather than on every open (ADR 14).
/// </summary>
public sealed class SqlitePragmas(int busyTimeoutSeconds) : DbConnectionInterceptor
{
    private static readonly object Done = new();
    private readonly ConditionalWeakTable<object, object> _configured = [];
    private readonly string _sql = Sql(busyTimeoutSeconds);

    /// <summary>Log pages after which a committing connection checkpoints by itself (SQLite's default is 1 000).</summary>
    public const int BackstopPages = 10_000;

    /// <summary>
    /// The pragmas as one statement (also for the tools' hand-written connections, which must run as the portal's do).
    /// The write-ahead log is checkpointed in the background (SqliteCheckpoints); a connection checkpoints by itself
    /// only as a backstop, once the log holds 10 000 pages (40 MB), and the log file is cut back to 64 MB after it.
    /// </summary>
    public static string Sql(int busyTimeoutSeconds) =>
        $"PRAGMA busy_timeout = {busyTimeoutSeconds * 1000}; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; " +
        $"PRAGMA wal_autocheckpoint = {BackstopPages}; PRAGMA journal_size_limit = {64 * 1024 * 1024};";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (IsConfigured(connection))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = _sql;
        command.ExecuteNonQuery();
        MarkConfigured(connection);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (IsConfigured(connection))
        {
            return;
        }

        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = _sql;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        MarkConfigured(connection);
    }

    private bool IsConfigured(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } && _configured.TryGetValue(handle, out _);

    private void MarkConfigured(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            _configured.AddOrUpdate(handle, Done);
        }
    }
}
