using System.Data.Common;
using System.Globalization;
using Channels.Tools;
using Microsoft.Data.Sqlite;
using Npgsql;
using Portal.Data.Identity;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Scale;

/// <summary>The benchmark runs end to end on a small synthetic SQLite file and really does what it times.</summary>
public sealed class BenchmarkTests
{
    [Fact]
    public async Task The_benchmark_stores_every_registration_and_reports_every_figure()
    {
        using var folder = new TempDirectory();
        var file = Path.Combine(folder.Path, "bench.db");

        await BenchmarkRun.AssertEndToEndAsync(
            ToolDatabase.Sqlite(file),
            () => new SqliteConnection($"Data Source={file};Pooling=False"),
            "SELECT COUNT(*) FROM sqlite_master WHERE name = 'BenchFloor'");
    }
}

/// <summary>
/// The same on PostgreSQL (<c>CHANNELS_TEST_POSTGRES</c>, the server's connection string): the generator writes the
/// channel by binary COPY into a database of its own, the benchmark runs through the real services on it, and the
/// database is dropped afterwards.
/// </summary>
[Trait("Database", "PostgreSql")]
public sealed class PostgreSqlBenchmarkTests
{
    [Fact]
    public async Task The_benchmark_runs_on_a_channel_generated_into_postgresql()
    {
        var server = Environment.GetEnvironmentVariable("CHANNELS_TEST_POSTGRES");
        Assert.False(string.IsNullOrWhiteSpace(server), "CHANNELS_TEST_POSTGRES (a PostgreSQL connection string) is not set: run the tests with the test script, or leave out Database=PostgreSql.");
        var connection = new NpgsqlConnectionStringBuilder(server) { Database = "bench_" + Guid.NewGuid().ToString("N") }.ToString();
        try
        {
            await BenchmarkRun.AssertEndToEndAsync(
                ToolDatabase.PostgreSql(connection),
                () => new NpgsqlConnection(connection),
                "SELECT COUNT(*) FROM pg_tables WHERE tablename = 'BenchFloor'");
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var postgres = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connection) { Database = "postgres" }.ToString());
            await postgres.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(connection).Database}\" WITH (FORCE)", postgres);
            await drop.ExecuteNonQueryAsync();
        }
    }
}

/// <summary>One run of generator and benchmark on a database, and what must be true of it on any engine.</summary>
internal static class BenchmarkRun
{
    public static async Task AssertEndToEndAsync(ToolDatabase database, Func<DbConnection> connect, string floorTableCount)
    {
        await SyntheticSeeder.RunAsync(new SyntheticSettings(database, 300, 2_000, 11), TextWriter.Null);
        using var output = new StringWriter();

        var report = await Benchmark.RunAsync(new BenchmarkSettings(database, 16, 40, 3, null) { Clients = 4, QueryRuns = 5, ApiRegistrations = 8, ColdStarts = 1, CircuitsFrom = 1, Circuits = 3, CircuitRoles = [PortalRoles.ChannelManager] }, output);

        // The dataset is what the generator wrote.
        Assert.Equal(300, report.Dataset.Agents);
        Assert.Equal(2_000, report.Dataset.Customers);

        // Through the services 4 warm-up registrations, 16 with one client and 16 with four; through the API over
        // HTTP 2 warm-up ones, 8 with one client and 8 with four: all stored, approved, protected and audited.
        const int Attempted = 4 + 16 + 16 + 2 + 8 + 8;
        Assert.Equal(Attempted, report.Check.Attempted);
        Assert.Equal(Attempted, report.Check.DealsStored);
        Assert.Equal(Attempted, report.Check.CustomersStored);
        Assert.Equal(Attempted, report.Check.OpenProtectionsAdded);
        Assert.Equal(Attempted, report.Check.AuditEntriesAdded);
        Assert.Equal(new Dictionary<string, int> { ["Approved"] = Attempted }, report.Check.Statuses);

        Assert.Equal(16, report.RegistrationOneClient.Operations);
        Assert.Equal(4, report.RegistrationConcurrent.Clients);
        Assert.Equal(16, report.RegistrationConcurrent.Latency.Count);
        Assert.Equal(8, report.ApiRegistrationOneClient.Operations);
        Assert.Equal(4, report.ApiRegistrationConcurrent.Clients);
        Assert.Equal(8, report.ApiRegistrationConcurrent.Latency.Count);
        Assert.Equal(16, report.Floor.Operations);
        Assert.Equal(40, report.Availability.Count);
        Assert.Equal(40, report.AvailabilityBareLookup.Count);
        Assert.Equal(5, report.Descendants.Count);
        Assert.Equal(5, report.GridFiltered.Count);
        Assert.True(report.DescendantsAverageCount > 1);

        // One portal process started on a fresh database and answered /healthz.
        Assert.Equal(1, report.ColdStart.Count);
        Assert.True(report.ColdStart.P50 > 0);
        // The manager's dashboard opened in 1 and then 3 browser contexts: every one reached the portal as a circuit
        // (counted by the tool host's circuit handler) and the idle circuits hold some managed memory.
        var circuits = Assert.Single(report.Circuits);
        Assert.Equal(PortalRoles.ChannelManager, circuits.Role);
        Assert.True(circuits.CircuitsSeen >= 3, $"{circuits.CircuitsSeen} circuits opened");
        Assert.True(circuits.KilobytesPerCircuit > 0, $"{circuits.BytesAtFirst} bytes with 1 circuit, {circuits.BytesAtLast} with 3");
        Assert.Contains("idle dashboard circuit, ChannelManager", output.ToString(), StringComparison.Ordinal);
        Assert.Contains(report.Targets, t => t.Name == "managed memory per idle circuit" && t.Measured == circuits.KilobytesPerCircuit);

        Assert.Equal(7, report.Targets.Count);
        Assert.Contains("registration, 1 client", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("API registration over HTTP", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("cold start to first /healthz", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("\"registrationOneClient\"", report.ToJson(), StringComparison.Ordinal);

        // The floor's scratch table is gone again; the customers registered are new and in their agents' territory.
        await using var connection = connect();
        await connection.OpenAsync();
        Assert.Equal(0, await NumberAsync(connection, floorTableCount));
        Assert.Equal(2_000 + Attempted, await NumberAsync(connection, "SELECT COUNT(*) FROM \"Customers\""));
        Assert.Equal(0, await NumberAsync(connection, """
            SELECT COUNT(*) FROM "Customers" c JOIN "Deals" d ON d."CustomerId" = c."Id"
            WHERE c."Id" > 2000 AND NOT EXISTS (SELECT 1 FROM "AgentTerritories" t WHERE t."AgentId" = d."AgentId" AND (t."RegionCode" = c."RegionCode" OR t."RegionCode" = c."CityCode" OR substr(t."RegionCode", 1, 2) || '0000' = t."RegionCode" AND substr(t."RegionCode", 1, 2) = substr(c."RegionCode", 1, 2)))
            """));
    }

    private static async Task<long> NumberAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
