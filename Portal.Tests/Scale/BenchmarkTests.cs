using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using Channels.Tools;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using Portal.Data;
using Portal.Data.Identity;
using Portal.Tests.Infrastructure;
using Portal.Tests.Integration;

namespace Portal.Tests.Scale;

/// <summary>The benchmark runs end to end on a small synthetic SQLite file and really does what it times.</summary>
public sealed partial class BenchmarkTests
{
    [Fact]
    public async Task The_benchmark_stores_every_registration_and_reports_every_figure()
    {
        using var folder = new TempDirectory();
        var file = Path.Combine(folder.Path, "bench.db");

        await BenchmarkRun.AssertEndToEndAsync(
            ToolDatabase.Sqlite(file),
            () => new SqliteConnection($"Data Source={file};Pooling=False"),
            "SELECT seq FROM sqlite_sequence WHERE name = '{0}'",
            ToolDatabase.Sqlite(Path.Combine(folder.Path, "smaller.db")));
    }

    /// <summary>
    /// The floor is honest only if it writes what a registration writes: every column of each table a registration of
    /// a new customer inserts into (all but the generated key), and the audit head's every column.
    /// </summary>
    [Fact]
    public void The_floor_writes_every_column_of_the_tables_a_registration_writes()
    {
        using var db = ProviderMigrationTests.Context(DatabaseProvider.Sqlite);
        var written = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var sql in RegistrationFloor.Sql.All)
        {
            if (InsertPattern().Match(sql) is { Success: true } insert)
            {
                written.Add(insert.Groups[1].Value, Columns(insert.Groups[2].Value));
            }
            else if (UpdatePattern().Match(sql) is { Success: true } update)
            {
                written.Add(update.Groups[1].Value, UpdatedColumns().Matches(update.Groups[2].Value).Select(m => m.Groups[1].Value).ToArray());
            }
        }

        Assert.Equal(["AuditHead", "AuditLog", "CustomerProtections", "Customers", "DealLines", "Deals"], written.Keys.Order(StringComparer.Ordinal));
        foreach (var (table, columns) in written)
        {
            var entity = Assert.Single(db.Model.GetEntityTypes(), e => e.GetTableName() == table);
            var store = StoreObjectIdentifier.Table(table);
            var expected = entity.GetProperties().Where(p => !p.IsPrimaryKey()).Select(p => p.GetColumnName(store)!).Order(StringComparer.Ordinal);
            Assert.Equal(expected, columns.Order(StringComparer.Ordinal));
        }

        // Its rows are removed children first, and from every table it inserted into.
        Assert.Equal(["AuditLog", "CustomerProtections", "DealLines", "Deals", "Customers"], RegistrationFloor.Sql.Removal.Select(r => r.Table));
    }

    private static string[] Columns(string list) => [.. list.Split(',', StringSplitOptions.TrimEntries).Select(c => c.Trim('"'))];

    [GeneratedRegex("^INSERT INTO \"(\\w+)\" \\(([^)]*)\\)")]
    private static partial Regex InsertPattern();

    [GeneratedRegex("^UPDATE \"(\\w+)\" SET (.*) WHERE")]
    private static partial Regex UpdatePattern();

    [GeneratedRegex("\"(\\w+)\" = @")]
    private static partial Regex UpdatedColumns();
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
                "SELECT last_value FROM \"{0}_Id_seq\"");
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
    /// <summary>The tables a registration of a new customer inserts into.</summary>
    private static readonly string[] Registered = ["Customers", "Deals", "DealLines", "CustomerProtections"];

    /// <summary>Runs it; <paramref name="idsIssued"/> (a format of the table's name) reads the last id the table's counter issued.</summary>
    public static async Task AssertEndToEndAsync(ToolDatabase database, Func<DbConnection> connect, string idsIssued, ToolDatabase? smaller = null)
    {
        await SyntheticSeeder.RunAsync(new SyntheticSettings(database, 300, 2_000, 11), TextWriter.Null);
        if (smaller is not null)
        {
            await SyntheticSeeder.RunAsync(new SyntheticSettings(smaller, 100, 600, 11), TextWriter.Null);
        }

        var before = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var seeded = connect())
        {
            await seeded.OpenAsync();
            foreach (var table in Registered)
            {
                before[table] = await NumberAsync(seeded, $"SELECT COUNT(*) FROM \"{table}\"");
            }
        }

        using var output = new StringWriter();

        var report = await Benchmark.RunAsync(new BenchmarkSettings(database, 16, 40, 3, null) { Clients = 4, QueryRuns = 2, ApiRegistrations = 8, ColdStarts = 1, GrowthDatabase = smaller, CircuitsFrom = 1, Circuits = 3, CircuitRoles = [PortalRoles.ChannelManager] }, output);

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
        Assert.Equal(2, report.Descendants.Count);
        Assert.True(report.DescendantsAverageCount > 1);

        // Every grid and dashboard was timed, each action on a page of rows where the generated channel has some.
        Assert.Equal(["agents", "audit log", "cases", "customers", "dashboard", "deals"], report.Grids.Select(g => g.Grid).Distinct().Order(StringComparer.Ordinal));
        Assert.All(report.Grids, g => Assert.Equal(2, g.Latency.Count));
        Assert.All(report.Grids.Where(g => g.Action == "first page" && g.Role == "manager"), g => Assert.True(g.Rows > 0, $"{g.Grid}: an empty first page"));
        Assert.All(report.Grids.Where(g => g.Grid == "dashboard"), g => Assert.True(g.Rows > 0, $"{g.Role}'s dashboard had no figures"));
        Assert.Contains(report.Grids, g => g.Grid == "customers" && g.Action == "search: exact USCC" && g.Rows == 1);
        Assert.Contains(report.Grids, g => g.Grid == "customers" && g.Action == "search: full name" && g.Rows >= 1);
        Assert.Contains(report.Grids, g => g.Grid == "deals" && g.Role == "partner" && g.Action == "first page" && g.Rows > 0);
        Assert.Equal(smaller is null ? 0 : report.Grids.Count, report.Growth.Count);
        Assert.All(report.Growth, g => Assert.True(g.SmallerP50 > 0 && g.Ratio > 0));

        // One portal process started on a fresh database and answered /healthz.
        Assert.Equal(1, report.ColdStart.Count);
        Assert.True(report.ColdStart.P50 > 0);
        // The manager's dashboard opened in 1 and then 3 browser contexts: every one reached the portal as a circuit
        // (counted by the tool host's circuit handler), and the managed heap was read at both counts.
        var circuits = Assert.Single(report.Circuits);
        Assert.Equal(PortalRoles.ChannelManager, circuits.Role);
        Assert.True(circuits.CircuitsSeen >= 3, $"{circuits.CircuitsSeen} circuits opened");
        // Both readings were taken; their difference is not asserted: this test host runs other tests (and their
        // allocations) beside the portal, so the slope only means something in the benchmark's own process.
        Assert.True(circuits.BytesAtFirst > 0 && circuits.BytesAtLast > 0, "the managed heap was not read");
        Assert.Contains("idle dashboard circuit, ChannelManager", output.ToString(), StringComparison.Ordinal);
        Assert.Contains(report.Targets, t => t.Name == "managed memory per idle circuit" && t.Measured == circuits.KilobytesPerCircuit);

        Assert.Equal(smaller is null ? 8 : 9, report.Targets.Count);
        Assert.Contains("registration, 1 client", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("API registration over HTTP", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("cold start to first /healthz", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("\"registrationOneClient\"", report.ToJson(), StringComparison.Ordinal);

        // The floor registered 4 + 16 customers of its own into the same tables (their ids were issued past every row
        // kept) and removed its rows again: each table holds the seeded rows and one per registration, no more.
        await using var connection = connect();
        await connection.OpenAsync();
        foreach (var table in Registered)
        {
            Assert.Equal(before[table] + Attempted, await NumberAsync(connection, $"SELECT COUNT(*) FROM \"{table}\""));
            var issued = await NumberAsync(connection, string.Format(CultureInfo.InvariantCulture, idsIssued, table));
            Assert.True(issued >= 20 + await NumberAsync(connection, $"SELECT MAX(\"Id\") FROM \"{table}\""), $"{table}: the floor inserted no rows");
        }

        // The audit chain is whole: no gap, every link chains to the one before, and the head is the newest link.
        Assert.Equal(await NumberAsync(connection, "SELECT COUNT(*) FROM \"AuditLog\""), await NumberAsync(connection, "SELECT MAX(\"Sequence\") FROM \"AuditLog\""));
        Assert.Equal(0, await NumberAsync(connection, "SELECT COUNT(*) FROM \"AuditLog\" a JOIN \"AuditLog\" b ON b.\"Sequence\" = a.\"Sequence\" + 1 WHERE b.\"PreviousHash\" <> a.\"Hash\""));
        Assert.Equal(1, await NumberAsync(connection, "SELECT COUNT(*) FROM \"AuditHead\" h JOIN \"AuditLog\" e ON e.\"Sequence\" = h.\"Sequence\" AND e.\"Hash\" = h.\"Hash\" WHERE h.\"Sequence\" = (SELECT MAX(\"Sequence\") FROM \"AuditLog\")"));

        // The customers registered are new and in their agents' territory.
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
