using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Portal.Features;
using Portal.Features.Deals;
using Portal.Hosting;

namespace Channels.Tools;

/// <summary>
/// <c>bench</c>: measures, on a (synthetic) database, the portal's hot paths through the real services of the real
/// service provider, next to the bare operations on the same engine they cannot beat (ADR 14). Registrations it makes
/// are stored.
/// </summary>
public static class Benchmark
{
    public static async Task<BenchmarkReport> RunAsync(BenchmarkSettings settings, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(output);
        var database = settings.Database;
        var engine = database.Engine;
        if (!await engine.ExistsAsync(database).ConfigureAwait(false))
        {
            throw new ArgumentException($"No database at {database.Name}; create one with seed-synthetic first.");
        }

        var app = ToolHost.Build(database, serve: true);
        await using (app.ConfigureAwait(false))
        {
            await app.PrepareDatabaseAsync().ConfigureAwait(false);
            app.UsePortal();
            await app.StartAsync().ConfigureAwait(false);
            var services = app.Services;
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            var random = new Random(settings.Seed);
            var regions = new SyntheticRegions();

            BenchmarkSample sample;
            MachineInfo machine;
            var connection = await engine.OpenAsync(database.ConnectionString).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                sample = await BenchmarkSample.LoadAsync(connection, settings, random).ConfigureAwait(false);
                machine = new MachineInfo(Environment.ProcessorCount, RuntimeInformation.OSDescription, Environment.Version.ToString(), $"{engine.Name} {connection.ServerVersion}", string.Empty);
            }

            await output.WriteLineAsync($"bench: {sample.Dataset.Agents:N0} agents, {sample.Dataset.Customers:N0} customers at {database.Name}").ConfigureAwait(false);
            var registration = services.GetRequiredService<DealRegistrationService>();
            var warmup = Math.Min(50, settings.Registrations / 4);
            var prepared = sample.NewRegistrations(warmup + (2 * settings.Registrations), random, regions, now);
            var results = new ConcurrentBag<DealRegistered>();

            await RegisterAsync(registration, prepared[..warmup], 1, results).ConfigureAwait(false);
            var one = await RegisterAsync(registration, prepared.Slice(warmup, settings.Registrations), 1, results).ConfigureAwait(false);
            await output.WriteLineAsync($"  registration, 1 client: p95 {one.Latency.P95:0.00} ms, {one.PerSecond:0}/s").ConfigureAwait(false);
            var many = await RegisterAsync(registration, prepared.Slice(warmup + settings.Registrations, settings.Registrations), settings.Clients, results).ConfigureAwait(false);
            await output.WriteLineAsync($"  registration, {settings.Clients} clients: p95 {many.Latency.P95:0.00} ms, {many.PerSecond:0}/s").ConfigureAwait(false);

            ThroughputResult apiOne, apiMany;
            var apiStatuses = new ConcurrentBag<string>();
            using (var api = ApiBenchmark.For(app, ToolHost.ServerAddress(app)))
            {
                var apiWarmup = Math.Min(20, settings.ApiRegistrations / 4);
                var accounts = sample.Resellers.Take(Math.Clamp(settings.ApiRegistrations / 16, 4, 64)).ToList();
                await ApiBenchmark.CreateAccountsAsync(services, accounts.Select(a => a.User)).ConfigureAwait(false);
                await api.SignInAsync(accounts.Select(a => a.User.Email)).ConfigureAwait(false);
                var apiWork = sample.NewRegistrations(accounts, apiWarmup + (2 * settings.ApiRegistrations), random, regions, now);
                await api.RegisterAsync(apiWork[..apiWarmup], 1, apiStatuses).ConfigureAwait(false);
                apiOne = await api.RegisterAsync(apiWork.Slice(apiWarmup, settings.ApiRegistrations), 1, apiStatuses).ConfigureAwait(false);
                await output.WriteLineAsync($"  API registration (HTTP), 1 client: p95 {apiOne.Latency.P95:0.00} ms, {apiOne.PerSecond:0}/s").ConfigureAwait(false);
                apiMany = await api.RegisterAsync(apiWork.Slice(apiWarmup + settings.ApiRegistrations, settings.ApiRegistrations), settings.Clients, apiStatuses).ConfigureAwait(false);
                await output.WriteLineAsync($"  API registration (HTTP), {settings.Clients} clients: p95 {apiMany.Latency.P95:0.00} ms, {apiMany.PerSecond:0}/s").ConfigureAwait(false);
            }

            // The floor registers new customers of its own and removes its rows again (ADR 41).
            var floor = (await RegistrationFloor.RunAsync(database, sample.NewRegistrations(warmup + settings.Registrations, random, regions, now), warmup).ConfigureAwait(false)).Result;
            await output.WriteLineAsync($"  floor: p95 {floor.Latency.P95:0.00} ms").ConfigureAwait(false);

            var reseller = sample.Resellers[0].User;
            var availability = await TimeEachAsync(sample.ExistingUsccs, uscc => registration.CheckAvailabilityAsync(reseller, uscc)).ConfigureAwait(false);
            var bare = await BareOperations.AvailabilityAsync(database, sample.ExistingUsccs, now).ConfigureAwait(false);
            await output.WriteLineAsync($"  availability: p95 {availability.P95:0.00} ms (bare {bare.P95:0.00} ms)").ConfigureAwait(false);

            var data = services.GetRequiredService<PortalData>();
            var partners = Enumerable.Range(0, settings.QueryRuns).Select(i => sample.Partners[i % sample.Partners.Count]).ToList();
            long descendantsSeen = 0;
            var descendants = await TimeEachAsync(partners, async partner =>
            {
                await using var db = await data.ForRulesAsync().ConfigureAwait(false);
                var ids = await db.AgentLinks.AsNoTracking().Where(l => l.AncestorId == partner.AgentId).Select(l => l.DescendantId).ToListAsync().ConfigureAwait(false);
                Interlocked.Add(ref descendantsSeen, ids.Count);
            }).ConfigureAwait(false);
            var visible = await TimeEachAsync(partners, async partner =>
            {
                await using var db = await data.ForAsync(partner).ConfigureAwait(false);
                await db.Agents.AsNoTracking().Select(a => a.Id).ToListAsync().ConfigureAwait(false);
            }).ConfigureAwait(false);

            List<GridTiming> grids;
            var gridConnection = await engine.OpenAsync(database.ConnectionString).ConfigureAwait(false);
            await using (gridConnection.ConfigureAwait(false))
            {
                grids = await GridBenchmark.MeasureAsync(services, gridConnection, sample.Partners[0], settings.QueryRuns, output).ConfigureAwait(false);
            }

            RegistrationCheck check;
            var after = await engine.OpenAsync(database.ConnectionString).ConfigureAwait(false);
            await using (after.ConfigureAwait(false))
            {
                var counts = await BenchmarkSample.CountAsync(after).ConfigureAwait(false);
                var audit = await BenchmarkSample.ScalarAsync(after, BenchmarkSample.RegistrationsAudited).ConfigureAwait(false);
                var statuses = results.Select(r => r.Status.ToString()).Concat(apiStatuses)
                    .GroupBy(status => status).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
                check = new RegistrationCheck(
                    results.Count + apiStatuses.Count,
                    counts.Deals - sample.Dataset.Deals,
                    counts.Customers - sample.Dataset.Customers,
                    counts.OpenProtections - sample.Dataset.OpenProtections,
                    audit - sample.AuditEntries,
                    statuses);
            }

            IReadOnlyList<CircuitMemoryResult> circuits = [];
            if (settings.Circuits > 0)
            {
                var accounts = await CircuitMemory.SyntheticAccountsAsync(services, sample.Partners[0]).ConfigureAwait(false);
                circuits = await CircuitMemory.MeasureAsync(app, ToolHost.ServerAddress(app), [.. accounts.Where(a => settings.CircuitRoles?.Contains(a.Role) ?? true)], settings.CircuitsFrom, settings.Circuits, output).ConfigureAwait(false);
            }

            await app.StopAsync().ConfigureAwait(false);
            var growth = settings.GrowthDatabase is { } smaller ? await GrowthAsync(smaller, settings, grids, output).ConfigureAwait(false) : [];
            var coldStart = await ColdStart.MeasureAsync(database, settings.ColdStarts).ConfigureAwait(false);
            await output.WriteLineAsync($"  cold start to first /healthz: median {coldStart.P50:0} ms").ConfigureAwait(false);

            var ratio50 = one.Latency.P50 / floor.Latency.P50;
            var ratio95 = one.Latency.P95 / floor.Latency.P95;
            TargetResult[] targets =
            [
                new("registration p95, 1 client", one.Latency.P95, 5, "ms", one.Latency.P95 <= 5),
                new($"registration p95, {settings.Clients} clients", many.Latency.P95, 15, "ms", many.Latency.P95 <= 15),
                new("registration / floor p50", ratio50, 3, "×", ratio50 <= 3),
                new("availability check p95", availability.P95, 2, "ms", availability.P95 <= 2),
                new("descendants p95", descendants.P95, 20, "ms", descendants.P95 <= 20),
                GridTarget("grid actions p95 ≤ 150 ms (slowest)", grids.Where(g => g.Grid != "dashboard"), 150),
                GridTarget("dashboards ≤ 200 ms (slowest p95)", grids.Where(g => g.Grid == "dashboard"), 200),
                .. GrowthTarget(growth),
                .. CircuitMemory.Targets(circuits),
            ];

            var report = new BenchmarkReport(
                machine with { LoadAverage = MachineInfo.ReadLoadAverage() }, sample.Dataset, one, many, apiOne, apiMany, floor, ratio50, ratio95, availability, bare, descendants,
                (double)descendantsSeen / partners.Count, visible, grids, growth, coldStart, check, targets)
            {
                Circuits = circuits,
            };
            await output.WriteLineAsync().ConfigureAwait(false);
            await output.WriteLineAsync(report.ToTable()).ConfigureAwait(false);
            await output.WriteLineAsync().ConfigureAwait(false);
            await output.WriteLineAsync(report.ToJson()).ConfigureAwait(false);
            return report;
        }
    }

    /// <summary>
    /// The same grid actions and dashboards on a smaller channel: how much each one's cost grows with the channel
    /// (the larger channel's p50 over the smaller one's).
    /// </summary>
    private static async Task<List<GridGrowth>> GrowthAsync(ToolDatabase smaller, BenchmarkSettings settings, List<GridTiming> larger, TextWriter output)
    {
        if (!await smaller.Engine.ExistsAsync(smaller).ConfigureAwait(false))
        {
            throw new ArgumentException($"No database at {smaller.Name}; create the smaller channel with seed-synthetic first.");
        }

        await output.WriteLineAsync($"growth: the same actions on {smaller.Name}").ConfigureAwait(false);
        var app = ToolHost.Build(smaller);
        await using (app.ConfigureAwait(false))
        {
            await app.PrepareDatabaseAsync().ConfigureAwait(false);
            var connection = await smaller.Engine.OpenAsync(smaller.ConnectionString).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                var sample = await BenchmarkSample.LoadAsync(connection, settings with { Lookups = 1 }, new Random(settings.Seed)).ConfigureAwait(false);
                var timings = await GridBenchmark.MeasureAsync(app.Services, connection, sample.Partners[0], settings.QueryRuns, TextWriter.Null).ConfigureAwait(false);
                return [.. larger.Join(timings, t => (t.Grid, t.Role, t.Action), t => (t.Grid, t.Role, t.Action), (big, small) =>
                    new GridGrowth(big.Grid, big.Role, big.Action, small.Latency.P50, big.Latency.P50, big.Latency.P50 / Math.Max(small.Latency.P50, 0.01)))];
            }
        }
    }

    private static IEnumerable<TargetResult> GrowthTarget(List<GridGrowth> growth)
    {
        if (growth.Count == 0)
        {
            yield break;
        }

        var largest = growth.Max(g => g.Ratio);
        yield return new TargetResult("grid and dashboard cost growth (largest)", largest, 2, "×", largest <= 2);
    }

    private static TargetResult GridTarget(string name, IEnumerable<GridTiming> timings, double limit)
    {
        var slowest = timings.Select(t => t.Latency.P95).DefaultIfEmpty(0).Max();
        return new TargetResult(name, slowest, limit, "ms", slowest <= limit);
    }

    /// <summary>Where Kestrel listens once started (the port was left to the system).</summary>
    private static Uri ServerAddress(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    /// <summary>Runs the registrations over <paramref name="clients"/> concurrent clients; each stored result is kept.</summary>
    private static Task<ThroughputResult> RegisterAsync(DealRegistrationService service, List<PreparedRegistration> work, int clients, ConcurrentBag<DealRegistered> results) =>
        Timing.ConcurrentlyAsync(work, clients, async item =>
        {
            var result = await service.RegisterAsync(item.User, item.Input).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"A benchmark registration was refused: {string.Join(", ", result.Codes)}");
            }

            results.Add(result.Value);
        });

    private static async Task<LatencyStats> TimeEachAsync<T>(IReadOnlyList<T> items, Func<T, Task> operation)
    {
        // A few untimed runs first: the first query of a shape compiles it.
        foreach (var item in items.Take(5))
        {
            await operation(item).ConfigureAwait(false);
        }

        var samples = new List<double>(items.Count);
        foreach (var item in items)
        {
            samples.Add(await Timing.MillisecondsAsync(() => operation(item)).ConfigureAwait(false));
        }

        return LatencyStats.Of(samples);
    }
}
