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

        Assert.Equal(new BenchmarkSettings("bench.db", 2_000, 2_000, 42, null) { Clients = 8, QueryRuns = 50, ApiRegistrations = 1_000, ColdStarts = 3 }, benchmark);
        Assert.Equal(("synthetic.db", 100_000, 1_000_000, 42, false), (synthetic.DatabaseFile, synthetic.Agents, synthetic.Customers, synthetic.Seed, synthetic.Overwrite));
        Assert.Equal((10, 0, true), (replacing.Agents, replacing.Seed, replacing.Overwrite));
    }
}
