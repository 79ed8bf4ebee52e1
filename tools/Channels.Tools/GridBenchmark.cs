using System.Data.Common;
using Portal.Auth;
using Portal.Components.Common;
using Portal.Data.Identity;
using Portal.Domain.Agents;
using Portal.Domain.Audit;
using Portal.Domain.Compliance;
using Portal.Domain.Deals;
using Portal.Features.Agents;
using Portal.Features.Audit;
using Portal.Features.Compliance;
using Portal.Features.Customers;
using Portal.Features.Dashboard;
using Portal.Features.Deals;

namespace Channels.Tools;

/// <summary>One grid action as a user performs it: the grid, who, what (first page, a sort, a filter, a search).</summary>
public sealed record GridTiming(string Grid, string Role, string Action, int Rows, LatencyStats Latency);

/// <summary>One grid action's cost on a smaller and a larger channel (p50, ms) and how much it grew.</summary>
public sealed record GridGrowth(string Grid, string Role, string Action, double SmallerP50, double LargerP50, double Ratio);

/// <summary>
/// The vendor staff's grids and every role's dashboard, timed through the real services as the pages call them: each
/// grid's first, next and last page, each sort both ways, each filter and search — as the channel manager (the whole
/// channel), a strategic partner (its subtree) and, for the audit log, the compliance officer.
/// </summary>
internal static class GridBenchmark
{
    private const int PageSize = 25;

    private static readonly CurrentUser Compliance = new("bench-compliance", "compliance@synthetic.local", "bench", [PortalRoles.Compliance], null, null, null);
    private static readonly CurrentUser Admin = new("bench-admin", "admin@synthetic.local", "bench", [PortalRoles.Admin], null, null, null);

    /// <summary>Times every action <paramref name="runs"/> times (after a few untimed runs) on the channel behind <paramref name="services"/>.</summary>
    public static async Task<List<GridTiming>> MeasureAsync(IServiceProvider services, DbConnection connection, CurrentUser partner, int runs, TextWriter output)
    {
        var terms = await GridTerms.LoadAsync(connection, services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime).ConfigureAwait(false);
        var timings = new List<GridTiming>();
        foreach (var (grid, role, action, run) in Actions(terms, partner))
        {
            var rows = 0;
            var latency = await Timing.EachAsync(runs, async () =>
            {
                await using var scope = services.CreateAsyncScope();
                rows = await run(scope.ServiceProvider).ConfigureAwait(false);
            }).ConfigureAwait(false);
            timings.Add(new GridTiming(grid, role, action, rows, latency));
            await output.WriteLineAsync($"  {grid}, {role}, {action}: p95 {latency.P95:0.0} ms ({rows} rows)").ConfigureAwait(false);
        }

        return timings;
    }

    private static List<(string Grid, string Role, string Action, Func<IServiceProvider, Task<int>> Run)> Actions(GridTerms terms, CurrentUser partner)
    {
        var recent = DateOnly.FromDateTime(terms.Now).AddDays(-7);
        var actions = new List<(string, string, string, Func<IServiceProvider, Task<int>>)>();
        foreach (var (role, user) in new[] { ("manager", BenchmarkSample.Manager), ("partner", partner) })
        {
            foreach (var (name, filter, sort, descending) in DealActions(terms, recent, role == "partner"))
            {
                actions.AddRange(Paged("deals", role, name, filter, sort, descending, (s, f, p) => s.GetRequiredService<DealQueries>().ListAsync(user, f, p)));
            }

            foreach (var (name, filter, sort, descending) in CustomerActions(terms))
            {
                actions.AddRange(Paged("customers", role, name, filter, sort, descending, (s, f, p) => s.GetRequiredService<CustomerDirectory>().ListAsync(user, f, p)));
            }

            foreach (var (name, filter, sort, descending) in CaseActions(terms, recent))
            {
                actions.AddRange(Paged("cases", role, name, filter, sort, descending, (s, f, p) => s.GetRequiredService<ViolationCaseQueries>().ListAsync(user, f, p)));
            }
        }

        foreach (var (name, filter, sort, descending) in AgentActions(terms))
        {
            actions.AddRange(Paged("agents", "manager", name, filter, sort, descending, (s, f, p) => s.GetRequiredService<AgentDirectory>().SearchAsync(BenchmarkSample.Manager, f, p)));
        }

        foreach (var (name, filter, sort, descending) in AuditActions(terms, recent))
        {
            actions.AddRange(Paged("audit log", "compliance", name, filter, sort, descending, (s, f, p) => s.GetRequiredService<AuditLogService>().ListAsync(Compliance, f, p)));
        }

        foreach (var (role, user) in new[] { ("manager", BenchmarkSample.Manager), ("partner", partner), ("compliance", Compliance), ("admin", Admin) })
        {
            actions.Add(("dashboard", role, "open", async s => (await s.GetRequiredService<DashboardService>().GetAsync(user).ConfigureAwait(false)).Headlines.Count));
        }

        return actions;
    }

    // First, next and last page of the default order, then the other actions' first pages. The last page is the one the
    // grid's pager goes to: the last of the total the first page reported.
    private static IEnumerable<(string Grid, string Role, string Action, Func<IServiceProvider, Task<int>> Run)> Paged<TFilter, TRow>(
        string grid, string role, string name, TFilter filter, string? sort, bool descending, Func<IServiceProvider, TFilter, PageRequest, Task<PagedResult<TRow>>> list)
    {
        if (name != "first page")
        {
            return [(grid, role, name, async s => (await list(s, filter, new PageRequest(0, PageSize, sort, descending)).ConfigureAwait(false)).Items.Count)];
        }

        var last = 0;
        return
        [
            (grid, role, "first page", async s =>
            {
                var page = await list(s, filter, new PageRequest(0, PageSize, sort, descending)).ConfigureAwait(false);
                last = Math.Max(0, (page.TotalCount - 1) / PageSize);
                return page.Items.Count;
            }),
            (grid, role, "next page", async s => (await list(s, filter, new PageRequest(1, PageSize, sort, descending)).ConfigureAwait(false)).Items.Count),
            (grid, role, "last page", async s => (await list(s, filter, new PageRequest(last, PageSize, sort, descending)).ConfigureAwait(false)).Items.Count),
        ];
    }

    private static IEnumerable<(string, DealFilter, string?, bool)> DealActions(GridTerms terms, DateOnly recent, bool partner)
    {
        var all = new DealFilter();
        yield return ("first page", all, null, true);
        foreach (var sort in new[] { nameof(DealRow.CustomerName), nameof(DealRow.Status), nameof(DealRow.ProtectedUntil) })
        {
            yield return ($"sort {sort} ↑", all, sort, false);
            yield return ($"sort {sort} ↓", all, sort, true);
        }

        yield return ($"sort {nameof(DealRow.CreatedAt)} ↑", all, nameof(DealRow.CreatedAt), false);
        yield return ("status Won", new DealFilter(DealStatus.Won), null, true);
        yield return ("status pending review", new DealFilter(DealStatus.PendingReview), null, true);
        yield return ("registered last 7 days", new DealFilter(From: recent), null, true);
        yield return ("sold last 30 days", new DealFilter(SoldFrom: recent.AddDays(-23)), null, true);
        yield return ("reason CUSTOMER_PROTECTED", new DealFilter(Reason: "CUSTOMER_PROTECTED"), null, true);
        yield return ("customer: exact USCC", new DealFilter(Customer: terms.Uscc), null, true);
        yield return ("customer: full name", new DealFilter(Customer: terms.CustomerName), null, true);
        yield return ("customer: common word", new DealFilter(Customer: terms.CommonWord), null, true);
        if (partner)
        {
            yield return ("sub-agents' deals", new DealFilter(Owner: DealOwner.SubAgents), null, true);
        }
    }

    private static IEnumerable<(string, CustomerFilter, string?, bool)> CustomerActions(GridTerms terms)
    {
        var all = new CustomerFilter();
        yield return ("first page", all, null, false);
        yield return ("sort name ↓", all, nameof(CustomerRow.LegalName), true);
        yield return ("sort protected until ↑", all, nameof(CustomerRow.ProtectedUntil), false);
        yield return ("sort protected until ↓", all, nameof(CustomerRow.ProtectedUntil), true);
        yield return ("protected only", new CustomerFilter(ProtectedOnly: true), null, false);
        yield return ("expiring within 30 days", new CustomerFilter(ExpiringWithinDays: 30), null, false);
        yield return ("expiring next week", new CustomerFilter(ExpiresFrom: DateOnly.FromDateTime(terms.Now).AddDays(7), ExpiresTo: DateOnly.FromDateTime(terms.Now).AddDays(13)), null, false);
        yield return ("search: exact USCC", new CustomerFilter(Search: terms.Uscc), null, false);
        yield return ("search: full name", new CustomerFilter(Search: terms.CustomerName), null, false);
        yield return ("search: common word", new CustomerFilter(Search: terms.CommonWord), null, false);
    }

    private static IEnumerable<(string, CaseFilter, string?, bool)> CaseActions(GridTerms terms, DateOnly recent)
    {
        var all = new CaseFilter();
        yield return ("first page", all, null, true);
        foreach (var sort in new[] { nameof(CaseRow.Type), nameof(CaseRow.State), nameof(CaseRow.Source), nameof(CaseRow.SubjectAgentCode) })
        {
            yield return ($"sort {sort} ↑", all, sort, false);
        }

        yield return ($"sort {nameof(CaseRow.OpenedAt)} ↑", all, nameof(CaseRow.OpenedAt), false);
        yield return ("state under investigation", new CaseFilter(CaseState.UnderInvestigation), null, true);
        yield return ("type cross-region", new CaseFilter(Type: ViolationType.CrossRegion), null, true);
        yield return ("source report", new CaseFilter(Source: CaseSource.Report), null, true);
        yield return ("subject: agent code", new CaseFilter(Subject: terms.AgentCode), null, true);
        yield return ("opened last 7 days", new CaseFilter(OpenedFrom: recent), null, true);
        yield return ("overdue only", new CaseFilter(OverdueOnly: true), null, true);
        yield return ("penalized this year", new CaseFilter(PenalizedFrom: new DateOnly(recent.Year, 1, 1)), null, true);
    }

    private static IEnumerable<(string, AgentFilter, string?, bool)> AgentActions(GridTerms terms)
    {
        var all = new AgentFilter(null, null, null);
        yield return ("first page", all, null, false);
        yield return ("sort code ↓", all, nameof(AgentRow.Code), true);
        yield return ("sort name ↑", all, nameof(AgentRow.LegalName), false);
        yield return ("sort name ↓", all, nameof(AgentRow.LegalName), true);
        yield return ("sort tier ↑", all, nameof(AgentRow.Tier), false);
        yield return ("sort status ↑", all, nameof(AgentRow.Status), false);
        yield return ("tier Tier1", new AgentFilter(null, AgentTier.Tier1, null), null, false);
        yield return ("status suspended", new AgentFilter(null, null, ContractStatus.Suspended), null, false);
        yield return ("search: exact code", new AgentFilter(terms.AgentCode, null, null), null, false);
        yield return ("search: full name", new AgentFilter(terms.AgentName, null, null), null, false);
        yield return ("search: common word", new AgentFilter("网络", null, null), null, false);
    }

    private static IEnumerable<(string, AuditFilter, string?, bool)> AuditActions(GridTerms terms, DateOnly recent)
    {
        var all = new AuditFilter();
        yield return ("first page", all, null, true);
        yield return ("sort sequence ↑", all, nameof(AuditRow.Sequence), false);
        yield return ("entity: one deal", new AuditFilter(Entity: AuditEntity.Deal, EntityId: terms.DealId), null, true);
        yield return ("entity type case", new AuditFilter(Entity: AuditEntity.ViolationCase), null, true);
        yield return ("actor", new AuditFilter(Actor: terms.Actor), null, true);
        yield return ("action DealWon", new AuditFilter(Action: AuditAction.DealWon), null, true);
        yield return ("last 7 days", new AuditFilter(From: recent), null, true);
        yield return ("search: deal id", new AuditFilter(Search: terms.DealId), null, true);
    }
}

/// <summary>What the grid actions search for, read from the channel: an existing customer, agent, deal and actor.</summary>
internal sealed record GridTerms(DateTime Now, string Uscc, string CustomerName, string CommonWord, string AgentCode, string AgentName, string DealId, string Actor)
{
    public static async Task<GridTerms> LoadAsync(DbConnection connection, DateTime now)
    {
        // The customer of the deal in the middle of the table, the agent in the middle of the agents.
        var deals = await BenchmarkSample.ScalarAsync(connection, "SELECT COALESCE(MAX(\"Id\"), 1) FROM \"Deals\"").ConfigureAwait(false);
        var (uscc, name) = await TwoAsync(connection, $"SELECT c.\"Uscc\", c.\"LegalName\" FROM \"Deals\" d JOIN \"Customers\" c ON c.\"Id\" = d.\"CustomerId\" WHERE d.\"Id\" >= {deals / 2} ORDER BY d.\"Id\" LIMIT 1").ConfigureAwait(false);
        var agents = await BenchmarkSample.ScalarAsync(connection, "SELECT COALESCE(MAX(\"Id\"), 1) FROM \"Agents\"").ConfigureAwait(false);
        var (code, agentName) = await TwoAsync(connection, $"SELECT \"Code\", \"LegalName\" FROM \"Agents\" WHERE \"Id\" >= {agents / 2} ORDER BY \"Id\" LIMIT 1").ConfigureAwait(false);
        var (actor, _) = await TwoAsync(connection, "SELECT \"Actor\", \"Action\" FROM \"AuditLog\" ORDER BY \"Sequence\" DESC LIMIT 1").ConfigureAwait(false);
        return new GridTerms(now, uscc, name, "科技", code, agentName, (deals / 2).ToString(System.Globalization.CultureInfo.InvariantCulture), actor);
    }

    private static async Task<(string, string)> TwoAsync(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // The tool's own statements; the numbers in them are read from the database.
        command.CommandText = sql;
#pragma warning restore CA2100
        using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        return await reader.ReadAsync().ConfigureAwait(false) ? (reader.GetString(0), reader.GetString(1)) : (string.Empty, string.Empty);
    }
}
