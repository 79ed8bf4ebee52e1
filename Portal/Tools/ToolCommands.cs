namespace Portal.Tools;

/// <summary>
/// The portal's command-line tools: <c>seed-synthetic</c> (a large synthetic channel, ADR 14) and <c>bench</c>
/// (latencies and throughput measured on it through the real services). Program.cs runs one and exits.
/// </summary>
public static class ToolCommands
{
    public const string SeedSynthetic = "seed-synthetic";
    public const string Bench = "bench";

    /// <summary>Runs the tool named by <c>args[0]</c> and returns its exit code, or null when no tool is named.</summary>
    public static async Task<int?> TryRunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0 || (args[0] != SeedSynthetic && args[0] != Bench))
        {
            return null;
        }

        try
        {
            var options = ToolArguments.Parse(args.AsSpan(1));
            if (args[0] == SeedSynthetic)
            {
                var settings = SyntheticSettings.From(options);
                await SyntheticSeeder.RunAsync(settings, Console.Out).ConfigureAwait(false);
            }
            else
            {
                var settings = BenchmarkSettings.From(options);
                var report = await Benchmark.RunAsync(settings, Console.Out).ConfigureAwait(false);
                if (settings.JsonPath is { } path)
                {
                    await File.WriteAllTextAsync(path, report.ToJson()).ConfigureAwait(false);
                }
            }

            return 0;
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            await Console.Error.WriteLineAsync(Usage).ConfigureAwait(false);
            return 2;
        }
    }

    public const string Usage =
        "usage: seed-synthetic --db <file> [--agents 100000] [--customers 1000000] [--seed 42] [--overwrite yes]\n" +
        "       bench --db <file> [--registrations 2000] [--api-registrations 1000] [--clients 8] [--lookups 2000] [--runs 50] [--cold-starts 3] [--seed 42] [--json <file>]";
}
