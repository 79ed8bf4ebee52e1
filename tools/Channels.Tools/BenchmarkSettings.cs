namespace Channels.Tools;

/// <summary>What <c>bench</c> measures: the database, how many operations of each kind, and the sampling seed.</summary>
public sealed record BenchmarkSettings(ToolDatabase Database, int Registrations, int Lookups, int Seed, string? JsonPath)
{
    /// <summary>Concurrent clients of the second registration run.</summary>
    public int Clients { get; init; } = 8;

    /// <summary>Runs of each read query (descendants, grid page).</summary>
    public int QueryRuns { get; init; } = 50;

    /// <summary>Registrations posted to the API over HTTP, with one client and then with <see cref="Clients"/>.</summary>
    public int ApiRegistrations { get; init; } = 1_000;

    /// <summary>Portal processes started on a fresh database, each timed to its first <c>/healthz</c> answer.</summary>
    public int ColdStarts { get; init; } = 3;

    /// <summary>A smaller channel the grid actions and dashboards are also timed on, for their cost growth; none: not measured.</summary>
    public ToolDatabase? GrowthDatabase { get; init; }

    /// <summary>Idle dashboard circuits per role for the memory figure (measured from <see cref="CircuitsFrom"/> to this); 0 leaves it out.</summary>
    public int Circuits { get; init; } = 25;

    /// <summary>The circuits open at the first reading of the memory figure.</summary>
    public int CircuitsFrom { get; init; } = 5;

    /// <summary>The roles whose dashboards the memory figure opens (<see cref="CircuitAccount.Role"/>); all four when null.</summary>
    public IReadOnlyList<string>? CircuitRoles { get; init; }
}
