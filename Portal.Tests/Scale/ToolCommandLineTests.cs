using Channels.Tools;

namespace Portal.Tests.Scale;

/// <summary>The tools' command line: a required database, minimums, and the defaults the README documents.</summary>
public sealed class ToolCommandLineTests
{
    [Theory]
    [InlineData("bench", "--db")]
    [InlineData("seed-synthetic --agents 300", "--db")]
    [InlineData("seed-synthetic --db unused.db --agents 9", "--agents must be a whole number of at least 10.")]
    [InlineData("bench --db unused.db --clients 1", "--clients must be a whole number of at least 2.")]
    [InlineData("bench --db unused.db --registrations 7", "--registrations must be a whole number of at least 8.")]
    [InlineData("bench --db unused.db --runs many", "--runs")]
    [InlineData("seed-synthetic --db unused.db --overwrite maybe", "maybe")]
    [InlineData("bench --db unused.db --agents 300", "--agents")]
    [InlineData("bench --provider postgresql", "--provider postgresql needs --connection")]
    [InlineData("seed-synthetic --provider postgresql --connection Database=x --db unused.db", "--db names a SQLite file")]
    [InlineData("bench --db unused.db --connection Database=x", "--connection is for --provider postgresql")]
    [InlineData("bench --provider mysql --db unused.db", "mysql")]
    [InlineData("bench --db unused.db --circuits 3 --circuits-from 5", "--circuits must be 0 (no circuit figure) or more than --circuits-from.")]
    [InlineData("circuits --db unused.db --circuits 4 --circuits-from 4", "--circuits must be more than --circuits-from.")]
    [InlineData("circuits", "--db")]
    public async Task A_command_line_the_tools_cannot_run_is_refused_with_the_reason(string commandLine, string reason)
    {
        using var error = new StringWriter();

        var exitCode = await ToolCommands.RunAsync(commandLine.Split(' '), TextWriter.Null, error);

        Assert.Equal(ToolCommands.UsageError, exitCode);
        Assert.Contains(reason, error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists("unused.db"));
    }

    [Fact]
    public void Options_left_out_take_their_documented_defaults()
    {
        var bench = new BenchCommand();
        var seed = new SeedSyntheticCommand();

        var benchmark = bench.Settings(bench.Command.Parse(["--db", "bench.db"]));
        var synthetic = seed.Settings(seed.Command.Parse(["--db", "synthetic.db"]));
        var replacing = seed.Settings(seed.Command.Parse(["--db", "synthetic.db", "--overwrite", "yes", "--agents", "10", "--seed", "0"]));

        Assert.Equal(new BenchmarkSettings(ToolDatabase.Sqlite("bench.db"), 2_000, 2_000, 42, null) { Clients = 8, QueryRuns = 50, ApiRegistrations = 1_000, ColdStarts = 3, Circuits = 25, CircuitsFrom = 5 }, benchmark);
        Assert.Equal((ToolDatabase.Sqlite("synthetic.db"), 100_000, 1_000_000, 42, false), (synthetic.Database, synthetic.Agents, synthetic.Customers, synthetic.Seed, synthetic.Overwrite));
        Assert.Equal((10, 0, true), (replacing.Agents, replacing.Seed, replacing.Overwrite));
    }

    [Fact]
    public void Postgresql_is_chosen_with_its_connection_string()
    {
        var bench = new BenchCommand();
        var seed = new SeedSyntheticCommand();
        const string Connection = "Host=localhost;Port=55432;Username=postgres;Database=bench_national";

        var benchmark = bench.Settings(bench.Command.Parse(["--provider", "postgresql", "--connection", Connection]));
        var synthetic = seed.Settings(seed.Command.Parse(["--provider", "PostgreSql", "--connection", Connection, "--agents", "10"]));

        Assert.Equal(ToolDatabase.PostgreSql(Connection), benchmark.Database);
        Assert.Equal(ToolDatabase.PostgreSql(Connection), synthetic.Database);
        Assert.Equal("PostgreSQL database bench_national on localhost:55432", synthetic.Database.Name);
    }
}
