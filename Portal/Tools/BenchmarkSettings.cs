namespace Portal.Tools;

/// <summary>What <c>bench</c> measures: the database, how many operations of each kind, and the sampling seed.</summary>
public sealed record BenchmarkSettings(string DatabaseFile, int Registrations, int Lookups, int Seed, string? JsonPath)
{
    /// <summary>Concurrent clients of the second registration run.</summary>
    public int Clients { get; init; } = 8;

    /// <summary>Runs of each read query (descendants, grid page).</summary>
    public int QueryRuns { get; init; } = 50;

    public static BenchmarkSettings From(ToolArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return new BenchmarkSettings(
            args.Text("db"),
            args.Number("registrations", 2_000, 8),
            args.Number("lookups", 2_000, 1),
            args.Number("seed", 42, 0),
            args.OptionalText("json"))
        {
            Clients = args.Number("clients", 8, 2),
            QueryRuns = args.Number("runs", 50, 1),
        };
    }
}
