using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Features;

/// <summary>
/// One writer at a time per SQLite file within this process. SQLite allows one writer anyway; without the gate,
/// writers that find the lock taken sleep in SQLite's busy handler (1, 2, 5 … 100 ms steps) and the lock sits idle
/// while they sleep. Queued here they start the moment the previous one commits. BEGIN IMMEDIATE and the busy
/// timeout still guard against other processes. A writer that waits longer than the busy timeout goes on without
/// the gate, so the gate can delay a writer but never fail or deadlock one that SQLite alone would have let through.
/// </summary>
internal static class SqliteWriteGate
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    public static async Task<IDisposable?> EnterAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.GetDbConnection() is not SqliteConnection sqlite)
        {
            return null;
        }

        var file = new SqliteConnectionStringBuilder(sqlite.ConnectionString).DataSource;
        if (string.IsNullOrEmpty(file) || file.Contains(":memory:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var gate = Gates.GetOrAdd(Path.GetFullPath(file), _ => new SemaphoreSlim(1, 1));
        return await gate.WaitAsync(MaxWait, cancellationToken).ConfigureAwait(false) ? new Release(gate) : null;
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
