using Channels.Tools;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Scale.SmallSyntheticDatabase;

namespace Portal.Tests.Scale;

/// <summary>The benchmark runs end to end on a small synthetic database and really does what it times.</summary>
public sealed class BenchmarkTests
{
    [Fact]
    public async Task The_benchmark_stores_every_registration_and_reports_every_figure()
    {
        using var folder = new TempDirectory();
        var file = Path.Combine(folder.Path, "bench.db");
        await SyntheticSeeder.RunAsync(new SyntheticSettings(file, 300, 2_000, 11), TextWriter.Null);
        using var output = new StringWriter();

        var report = await Benchmark.RunAsync(new BenchmarkSettings(file, 16, 40, 3, null) { Clients = 4, QueryRuns = 5, ApiRegistrations = 8, ColdStarts = 1 }, output);

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
        Assert.Equal(6, report.Targets.Count);
        Assert.Contains("registration, 1 client", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("API registration over HTTP", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("cold start to first /healthz", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("\"registrationOneClient\"", report.ToJson(), StringComparison.Ordinal);

        // The floor's scratch table is gone again; the customers registered are new and in their agents' territory.
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        Assert.Equal(0, Number(connection, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'BenchFloor'"));
        Assert.Equal(2_000 + Attempted, Number(connection, "SELECT COUNT(*) FROM Customers"));
        Assert.Equal(0, Number(connection, """
            SELECT COUNT(*) FROM Customers c JOIN Deals d ON d.CustomerId = c.Id
            WHERE c.Id > 2000 AND NOT EXISTS (SELECT 1 FROM AgentTerritories t WHERE t.AgentId = d.AgentId AND (t.RegionCode = c.RegionCode OR t.RegionCode = c.CityCode OR substr(t.RegionCode, 1, 2) || '0000' = t.RegionCode AND substr(t.RegionCode, 1, 2) = substr(c.RegionCode, 1, 2)))
            """));
    }
}
