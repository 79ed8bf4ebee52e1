using System.Data.Common;
using System.Diagnostics;

namespace Channels.Tools;

/// <summary>
/// The bare reads the services are compared with: the same database and pooled connections (and, on SQLite, pragmas),
/// hand-written. The statements are the same on both engines (quoted identifiers, @ parameters); how a time is passed
/// comes from the engine. The registration's floor is <see cref="RegistrationFloor"/>.
/// </summary>
internal static class BareOperations
{
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
}
