using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Channels.Tools;

/// <summary>
/// The floor the services are compared with: the same database, the same pooled connections and pragmas, but only
/// the one indexed lookup and the one committed insert that any registration needs at the least.
/// </summary>
internal static class BareOperations
{
    private const string Pragmas = "PRAGMA busy_timeout = 30000; PRAGMA synchronous = NORMAL;";
    private const string FloorTable = "BenchFloor";

    /// <summary>Per operation: open a pooled connection, look the customer up by USCC, BEGIN IMMEDIATE, insert one row, commit.</summary>
    public static async Task<ThroughputResult> FloorAsync(string connectionString, IReadOnlyList<string> usccs)
    {
        await ExecuteAsync(connectionString, $"CREATE TABLE IF NOT EXISTS \"{FloorTable}\" (\"Id\" INTEGER PRIMARY KEY AUTOINCREMENT, \"Uscc\" TEXT NOT NULL, \"At\" TEXT NOT NULL); CREATE INDEX IF NOT EXISTS \"IX_{FloorTable}_Uscc\" ON \"{FloorTable}\" (\"Uscc\");").ConfigureAwait(false);
        try
        {
            var samples = new List<double>(usccs.Count);
            var start = Stopwatch.GetTimestamp();
            foreach (var uscc in usccs)
            {
                var began = Stopwatch.GetTimestamp();
                await LookupAndInsertAsync(connectionString, uscc).ConfigureAwait(false);
                samples.Add(Stopwatch.GetElapsedTime(began).TotalMilliseconds);
            }

            var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            return new ThroughputResult(1, usccs.Count, seconds, usccs.Count / seconds, LatencyStats.Of(samples));
        }
        finally
        {
            await ExecuteAsync(connectionString, $"DROP TABLE IF EXISTS \"{FloorTable}\";").ConfigureAwait(false);
        }
    }

    /// <summary>The availability check's one query, written by hand: the open protection in force of the customer with this USCC.</summary>
    public static async Task<LatencyStats> AvailabilityAsync(string connectionString, IReadOnlyList<string> usccs, DateTime at)
    {
        var now = SqliteText.Time(at);
        var samples = new List<double>(usccs.Count);
        foreach (var uscc in usccs.Take(5).Concat(usccs))
        {
            var began = Stopwatch.GetTimestamp();
            var connection = await OpenAsync(connectionString).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT p.AgentId, p.Until FROM Customers c JOIN CustomerProtections p ON p.CustomerId = c.Id WHERE c.Uscc = $uscc AND p.EndedAt IS NULL AND p.Since <= $now AND p.Until > $now LIMIT 1";
                command.Parameters.AddWithValue("$uscc", uscc);
                command.Parameters.AddWithValue("$now", now);
                using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
                while (await reader.ReadAsync().ConfigureAwait(false))
                {
                }
            }

            samples.Add(Stopwatch.GetElapsedTime(began).TotalMilliseconds);
        }

        return LatencyStats.Of(samples[Math.Min(5, usccs.Count)..]);
    }

    private static async Task LookupAndInsertAsync(string connectionString, string uscc)
    {
        var connection = await OpenAsync(connectionString).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using (var lookup = connection.CreateCommand())
            {
                lookup.CommandText = "SELECT Id FROM Customers WHERE Uscc = $uscc";
                lookup.Parameters.AddWithValue("$uscc", uscc);
                await lookup.ExecuteScalarAsync().ConfigureAwait(false);
            }

            using var transaction = connection.BeginTransaction(deferred: false);
            using (var insert = connection.CreateCommand())
            {
                insert.Transaction = transaction;
                insert.CommandText = $"INSERT INTO \"{FloorTable}\" (\"Uscc\", \"At\") VALUES ($uscc, $at)";
                insert.Parameters.AddWithValue("$uscc", uscc);
                insert.Parameters.AddWithValue("$at", SqliteText.Time(DateTime.UtcNow));
                await insert.ExecuteNonQueryAsync().ConfigureAwait(false);
            }

            await transaction.CommitAsync().ConfigureAwait(false);
        }
    }

    private static async Task<SqliteConnection> OpenAsync(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        using var pragmas = connection.CreateCommand();
        pragmas.CommandText = Pragmas;
        await pragmas.ExecuteNonQueryAsync().ConfigureAwait(false);
        return connection;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        var connection = await OpenAsync(connectionString).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
#pragma warning disable CA2100 // The tool's own constant statements.
            command.CommandText = sql;
#pragma warning restore CA2100
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
    }
}
