using System.Globalization;
using System.Text.Json;

namespace Channels.Tools;

/// <summary>The size of the database measured, before the benchmark added its registrations.</summary>
public sealed record BenchmarkDataset(long Agents, long Customers, long Deals, long OpenProtections);

/// <summary>One timed run: operations, wall time, throughput and per-operation latency.</summary>
public sealed record ThroughputResult(int Clients, int Operations, double Seconds, double PerSecond, LatencyStats Latency);

/// <summary>What the registrations really did: every one stored, with its status.</summary>
public sealed record RegistrationCheck(int Attempted, long DealsStored, long CustomersStored, long OpenProtectionsAdded, long AuditEntriesAdded, IReadOnlyDictionary<string, int> Statuses);

/// <summary>One target of issue 6 and whether the measurement meets it.</summary>
public sealed record TargetResult(string Name, double Measured, double Limit, string Unit, bool Met);

/// <summary>The machine; <see cref="LoadAverage"/> (Linux) shows whether other work shared the cores during the run.</summary>
public sealed record MachineInfo(int Cores, string Os, string Runtime, string Database, string LoadAverage)
{
    public static string ReadLoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}

/// <summary>The benchmark's figures, printed as a table and as JSON.</summary>
public sealed record BenchmarkReport(
    MachineInfo Machine,
    BenchmarkDataset Dataset,
    ThroughputResult RegistrationOneClient,
    ThroughputResult RegistrationConcurrent,
    ThroughputResult ApiRegistrationOneClient,
    ThroughputResult ApiRegistrationConcurrent,
    ThroughputResult Floor,
    double FloorRatioP50,
    double FloorRatioP95,
    LatencyStats Availability,
    LatencyStats AvailabilityBareLookup,
    LatencyStats Descendants,
    double DescendantsAverageCount,
    LatencyStats VisibleAgentsOfPartner,
    IReadOnlyList<GridTiming> Grids,
    IReadOnlyList<GridGrowth> Growth,
    LatencyStats ColdStart,
    RegistrationCheck Check,
    IReadOnlyList<TargetResult> Targets)
{
    /// <summary>Managed memory per idle dashboard circuit, one row per role (none when <c>--circuits 0</c>).</summary>
    public IReadOnlyList<CircuitMemoryResult> Circuits { get; init; } = [];

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public string ToTable()
    {
        var lines = new List<string>
        {
            Invariant($"Machine: {Machine.Cores} cores, {Machine.Os}, .NET {Machine.Runtime}, {Machine.Database}, load average at the end {Machine.LoadAverage}"),
            Invariant($"Data: {Dataset.Agents:N0} agents, {Dataset.Customers:N0} customers, {Dataset.Deals:N0} deals, {Dataset.OpenProtections:N0} open protections"),
            string.Empty,
            Invariant($"{"operation",-44} {"n",7} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"ops/s",8}"),
            Row("registration, 1 client", RegistrationOneClient),
            Row(Invariant($"registration, {RegistrationConcurrent.Clients} clients"), RegistrationConcurrent),
            Row("API registration over HTTP, 1 client", ApiRegistrationOneClient),
            Row(Invariant($"API registration over HTTP, {ApiRegistrationConcurrent.Clients} clients"), ApiRegistrationConcurrent),
            Row("floor: bare lookup + committed insert", Floor),
            Row("availability check (service)", Availability),
            Row("availability: bare indexed lookup", AvailabilityBareLookup),
            Row("descendants of a strategic partner", Descendants),
            Row("agents visible to a strategic partner", VisibleAgentsOfPartner),
            Row("cold start to first /healthz (fresh db)", ColdStart),
        };
        lines.AddRange(Circuits.Select(c => Invariant($"{"idle dashboard circuit, " + c.Role,-44} {c.Circuits,7} {c.KilobytesPerCircuit,8:0} KB managed memory per circuit ({c.First} → {c.Circuits})")));
        lines.AddRange(new[]
        {
            string.Empty,
            Invariant($"registration vs floor: p50 {FloorRatioP50:0.0}×, p95 {FloorRatioP95:0.0}×; descendants per partner: {DescendantsAverageCount:0}"),
            Invariant($"stored: {Check.DealsStored} deals, {Check.CustomersStored} customers, {Check.OpenProtectionsAdded} protections, {Check.AuditEntriesAdded} audit entries for {Check.Attempted} registrations ({string.Join(", ", Check.Statuses.Select(s => $"{s.Key} {s.Value}"))})"),
            string.Empty,
            Invariant($"{"grid action (25 rows a page)",-60} {"rows",5} {"p50 ms",8} {"p95 ms",8}{(Growth.Count > 0 ? "  smaller p50   growth" : string.Empty)}"),
        });
        lines.AddRange(Grids.Select(g => Invariant($"{$"{g.Grid}, {g.Role}: {g.Action}",-60} {g.Rows,5} {g.Latency.P50,8:0.0} {g.Latency.P95,8:0.0}") + GrowthOf(g)));
        lines.AddRange([string.Empty, "targets:"]);
        lines.AddRange(Targets.Select(t => Invariant($"  {(t.Met ? "met   " : "MISSED")} {t.Name,-40} {t.Measured,9:0.00} {t.Unit} (target {t.Limit:0.##} {t.Unit})")));
        return string.Join(Environment.NewLine, lines);
    }

    private string GrowthOf(GridTiming timing) =>
        Growth.FirstOrDefault(g => g.Grid == timing.Grid && g.Role == timing.Role && g.Action == timing.Action) is { } growth
            ? Invariant($"  {growth.SmallerP50,11:0.0} {growth.Ratio,7:0.0}×")
            : string.Empty;

    private static string Row(string name, ThroughputResult run) =>
        Invariant($"{name,-44} {run.Operations,7} {run.Latency.P50,8:0.00} {run.Latency.P95,8:0.00} {run.Latency.P99,8:0.00} {run.PerSecond,8:0}");

    private static string Row(string name, LatencyStats stats) =>
        Invariant($"{name,-44} {stats.Count,7} {stats.P50,8:0.00} {stats.P95,8:0.00} {stats.P99,8:0.00} {"",8}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
