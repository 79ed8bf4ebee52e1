using System.Data.Common;
using System.Diagnostics;

namespace Channels.Tools;

/// <summary>
/// The floor the services are compared with: the same database, the same pooled connections (and, on SQLite, pragmas),
/// but only the one indexed lookup and the one committed insert under the channel's write lock that any registration
/// needs at the least. The statements are the same on both engines (quoted identifiers, @ parameters); what differs —
/// the scratch table's DDL, how the write lock is taken, how a time is passed — comes from the engine.
/// </summary>
internal static class BareOperations
{
    private const string FloorTable = "BenchFloor";

    /// <summary>Per operation: open a pooled connection, look the customer up by USCC, take the write lock, insert one row, commit.</summary>
    public static async Task<ThroughputResult> FloorAsync(ToolDatabase database, IReadOnlyList<string> usccs)
    {
        await ExecuteAsync(database, database.Engine.CreateFloorTable(FloorTable)).ConfigureAwait(false);
        try
        {
            var samples = new List<double>(usccs.Count);
            var start = Stopwatch.GetTimestamp();
            foreach (var uscc in usccs)
            {
                var began = Stopwatch.GetTimestamp();
                await LookupAndInsertAsync(database, uscc).ConfigureAwait(false);
                samples.Add(Stopwatch.GetElapsedTime(began).TotalMilliseconds);
            }

            var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            return new ThroughputResult(1, usccs.Count, seconds, usccs.Count / seconds, LatencyStats.Of(samples));
        }
        finally
        {
            await ExecuteAsync(database, $"DROP TABLE IF EXISTS \"{FloorTable}\";").ConfigureAwait(false);
        }
    }

    /// <summary>The availability check's one query, written by hand: the open protection in force of the customer with this USCC.</summary>
    public static async Task<LatencyStats> AvailabilityAsync(ToolDatabase database, IReadOnlyList<string> usccs, DateTime at)
    {
        var now = database.Engine.Time(at);
        var samples = new List<double>(usccs.Count);
        foreach (var uscc in usccs.Take(5).Concat(usccs))
        {
            var began = Stopwatch.GetTimestamp();
            var connection = await database.Engine.OpenAsync(database.ConnectionString).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                using var command = Command(
                    connection,
                    "SELECT p.\"AgentId\", p.\"Until\" FROM \"Customers\" c JOIN \"CustomerProtections\" p ON p.\"CustomerId\" = c.\"Id\" " +
                    "WHERE c.\"Uscc\" = @uscc AND p.\"EndedAt\" IS NULL AND p.\"Since\" <= @now AND p.\"Until\" > @now LIMIT 1",
                    ("uscc", uscc),
                    ("now", now));
                using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
                while (await reader.ReadAsync().ConfigureAwait(false))
                {
                }
            }

            samples.Add(Stopwatch.GetElapsedTime(began).TotalMilliseconds);
        }

        return LatencyStats.Of(samples[Math.Min(5, usccs.Count)..]);
    }

    private static async Task LookupAndInsertAsync(ToolDatabase database, string uscc)
    {
        var connection = await database.Engine.OpenAsync(database.ConnectionString).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using (var lookup = Command(connection, "SELECT \"Id\" FROM \"Customers\" WHERE \"Uscc\" = @uscc", ("uscc", uscc)))
            {
                await lookup.ExecuteScalarAsync().ConfigureAwait(false);
            }

            var transaction = await database.Engine.BeginWriteAsync(connection).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                using (var insert = Command(connection, $"INSERT INTO \"{FloorTable}\" (\"Uscc\", \"At\") VALUES (@uscc, @at)", ("uscc", uscc), ("at", database.Engine.Time(DateTime.UtcNow))))
                {
                    insert.Transaction = transaction;
                    await insert.ExecuteNonQueryAsync().ConfigureAwait(false);
                }

                await transaction.CommitAsync().ConfigureAwait(false);
            }
        }
    }

    private static DbCommand Command(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
#pragma warning disable CA2100 // The tool's own constant statements; every value is a parameter.
        command.CommandText = sql;
#pragma warning restore CA2100
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static async Task ExecuteAsync(ToolDatabase database, string sql)
    {
        var connection = await database.Engine.OpenAsync(database.ConnectionString).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = Command(connection, sql);
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
    }
}
