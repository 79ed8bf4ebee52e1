using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Microsoft.EntityFrameworkCore;
using Portal.Components.Common;
using Portal.Domain.Agents;
using Portal.Features;
using Portal.Features.Agents;
using Portal.Features.Customers;
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

            var floor = await BareOperations.FloorAsync(database, prepared.Slice(warmup, settings.Registrations).Select(p => p.Input.Customer!.Uscc!).ToList()).ConfigureAwait(false);
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

            var runs = Enumerable.Range(0, settings.QueryRuns).ToList();
            var grid = await TimeEachAsync(runs, _ => SearchAsync(services, new AgentFilter(null, AgentTier.Tier1, ContractStatus.Active), new PageRequest(0, 25, nameof(AgentRow.LegalName), false))).ConfigureAwait(false);
            var search = await TimeEachAsync(runs, _ => SearchAsync(services, new AgentFilter("网络", null, null), new PageRequest(0, 25, nameof(AgentRow.Code), false))).ConfigureAwait(false);

            // The other two grids at that size, as the manager (whole channel) and as a strategic partner (its subtree).
            await using var gridScope = services.CreateAsyncScope();
            var customers = gridScope.ServiceProvider.GetRequiredService<CustomerDirectory>();
            var deals = gridScope.ServiceProvider.GetRequiredService<DealQueries>();
            var byName = new PageRequest(0, 25, nameof(CustomerRow.LegalName), false);
            var customersAll = await TimeEachAsync(runs, _ => customers.ListAsync(BenchmarkSample.Manager, new CustomerFilter(), byName)).ConfigureAwait(false);
            var customersOfPartner = await TimeEachAsync(partners, partner => customers.ListAsync(partner, new CustomerFilter(ProtectedOnly: true), byName)).ConfigureAwait(false);
            var dealsOfPartner = await TimeEachAsync(partners, partner => deals.ListAsync(partner, new DealFilter(), new PageRequest(0, 25, null, false))).ConfigureAwait(false);

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
            var coldStart = await ColdStart.MeasureAsync(database, settings.ColdStarts).ConfigureAwait(false);
            await output.WriteLineAsync($"  cold start to first /healthz: median {coldStart.P50:0} ms").ConfigureAwait(false);

            var ratio50 = one.Latency.P50 / floor.Latency.P50;
            var ratio95 = one.Latency.P95 / floor.Latency.P95;
            TargetResult[] targets =
            [
                new("registration p95, 1 client", one.Latency.P95, 10, "ms", one.Latency.P95 <= 10),
                new("registration p95 / floor p95", ratio95, 3, "×", ratio95 <= 3),
                new($"registrations/s, {settings.Clients} clients", many.PerSecond, 500, "/s", many.PerSecond >= 500),
                new("availability check p95", availability.P95, 2, "ms", availability.P95 <= 2),
                new("descendants p95", descendants.P95, 20, "ms", descendants.P95 <= 20),
                new("grid first page p95", grid.P95, 150, "ms", grid.P95 <= 150),
                .. CircuitMemory.Targets(circuits),
            ];

            var report = new BenchmarkReport(
                machine with { LoadAverage = MachineInfo.ReadLoadAverage() }, sample.Dataset, one, many, apiOne, apiMany, floor, ratio50, ratio95, availability, bare, descendants,
                (double)descendantsSeen / partners.Count, visible, grid, search, customersAll, customersOfPartner, dealsOfPartner, coldStart, check, targets)
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

    private static async Task SearchAsync(IServiceProvider services, AgentFilter filter, PageRequest page)
    {
        await using var scope = services.CreateAsyncScope();
        var page1 = await scope.ServiceProvider.GetRequiredService<AgentDirectory>().SearchAsync(BenchmarkSample.Manager, filter, page).ConfigureAwait(false);
        if (page1.Items.Count == 0 && page1.TotalCount > 0)
        {
            throw new InvalidOperationException("The grid returned an empty first page.");
        }
    }

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
