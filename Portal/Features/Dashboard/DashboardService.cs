using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;
using Portal.Data.Identity;
using Portal.Domain.Agents;
using Portal.Domain.Authorizations;
using Portal.Domain.Common;
using Portal.Domain.Compliance;
using Portal.Domain.Deals;
using Portal.Domain.Sales;
using Portal.Features.Compliance;
using Portal.Features.Customers;
using Portal.Features.Deals;

namespace Portal.Features.Dashboard;

/// <summary>
/// A user's dashboard, chosen by role and aggregated in the database (ADR 31): every figure is one COUNT or GROUP BY
/// query on indexed columns (a chart's, one per bucket: ADR 44), run on the caller's scoped context (a regional manager's figures are
/// its regions', a reseller's its subtree's), and counts the rows of the list it links to through that list's own
/// filter (<see cref="DealQueries.Filtered"/>, <see cref="CustomerDirectory.Filtered"/>, <see cref="ViolationCaseQueries.Filtered"/>).
/// </summary>
public sealed class DashboardService(PortalData data, BusinessClock clock, DealQueries deals, CustomerDirectory customers, ViolationCaseQueries cases)
{
    /// <summary>How many China weeks the registration charts look back, the current one included.</summary>
    public const int WeeksShown = 12;

    /// <summary>How far ahead the manager's chart of expiring protections looks, in days.</summary>
    public const int ExpiringDaysAhead = 30;

    /// <summary>A reseller's two warnings of protections ending, in days.</summary>
    public static readonly int[] ExpiringWarnings = [14, 30];

    // The outcomes a registration's week is stacked by, in the order they read: decided, waiting, then later fates.
    private static readonly DealStatus[] Outcomes =
        [DealStatus.Approved, DealStatus.PendingReview, DealStatus.Rejected, DealStatus.ExtensionRequested, DealStatus.Won, DealStatus.Lost, DealStatus.Expired, DealStatus.Cancelled];

    private static readonly CaseState[] OpenCaseStates = [CaseState.Reported, CaseState.UnderInvestigation, CaseState.Confirmed, CaseState.Penalized, CaseState.Appealed];

    // Open cases by age in days since opened: 0–7, 8–30, 31–90, over 90; each band's youngest age.
    private static readonly (string Key, int Youngest, int? Oldest)[] AgeBands = [("Dash_Age90Plus", 91, null), ("Dash_Age31To90", 31, 90), ("Dash_Age8To30", 8, 30), ("Dash_Age0To7", 0, 7)];

    public async Task<DashboardView> GetAsync(CurrentUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = await data.ForAsync(user, cancellationToken).ConfigureAwait(false);
        var role = user.PrimaryRole;
        return role switch
        {
            PortalRoles.ChannelManager => await ManagerAsync(db, user, cancellationToken).ConfigureAwait(false),
            PortalRoles.Reseller when user.AgentId is { } agentId => await ResellerAsync(db, user, agentId, cancellationToken).ConfigureAwait(false),
            PortalRoles.Compliance => await ComplianceAsync(db, cancellationToken).ConfigureAwait(false),
            PortalRoles.Admin => await AdminAsync(db, cancellationToken).ConfigureAwait(false),
            _ => DashboardView.Empty(role),
        };
    }

    private async Task<DashboardView> ManagerAsync(PortalDbContext db, CurrentUser user, CancellationToken ct)
    {
        var now = clock.Now;
        var weeks = LastWeeks();

        // The figures are independent reads. The two largest — registrations per week, and the protections in force
        // and ending per week — each run on a context of their own on the thread pool beside the rest, so the page
        // waits for the slowest group rather than for the sum (ADR 44).
        var registrations = BesideAsync(user, own => RegistrationsByWeekAsync(own, user, weeks, ct), ct);
        var protections = BesideAsync(user, async own => (Held: await CustomerDirectory.HeldCountAsync(own, now, ct).ConfigureAwait(false), Expiring: await ExpiringByWeekAsync(own, now, ct).ConfigureAwait(false)), ct);

        var inReview = new DealFilter(Statuses: [DealStatus.PendingReview, DealStatus.ExtensionRequested]);
        var activeAgents = await db.Agents.CountAsync(a => a.Status == ContractStatus.Active, ct).ConfigureAwait(false);
        var pendingReview = await deals.Filtered(db, user, inReview).CountAsync(ct).ConfigureAwait(false);
        var crossRegion = await db.CrossRegionAuthorizations.CountAsync(a => a.Status == AuthorizationStatus.Requested, ct).ConfigureAwait(false);
        var applications = await db.Agents.CountAsync(a => a.Status == ContractStatus.Applied || a.Status == ContractStatus.UnderReview, ct).ConfigureAwait(false);
        var conflicts = await ConflictsByWeekAsync(db, user, weeks, ct).ConfigureAwait(false);
        var tiers = await AgentsByTierAsync(db, ct).ConfigureAwait(false);
        var (held, expiring) = await protections.ConfigureAwait(false);
        var registered = await registrations.ConfigureAwait(false);

        Headline[] headlines =
        [
            new("Dash_ActiveAgents", activeAgents, GridLinks.Agents(status: ContractStatus.Active)),
            new("Dash_DealsPendingReview", pendingReview, GridLinks.Review("deals")),
            new("Dash_CrossRegionRequests", crossRegion, GridLinks.Review("authorizations")),
            new("Dash_Applications", applications, GridLinks.Review("applications")),
            new("Dash_ProtectedCustomers", held, GridLinks.Customers(protectedOnly: true)),
        ];
        return new DashboardView(PortalRoles.ChannelManager, headlines, [registered, conflicts, expiring, tiers]);
    }

    // A read on a context of the caller's own scope, run on the thread pool (SQLite's reads complete synchronously, so
    // only a thread of its own lets one run beside another).
    private Task<T> BesideAsync<T>(CurrentUser user, Func<PortalDbContext, Task<T>> read, CancellationToken ct) =>
        Task.Run(
            async () =>
            {
                await using var own = await data.ForAsync(user, ct).ConfigureAwait(false);
                return await read(own).ConfigureAwait(false);
            },
            ct);

    // Registrations per China week by their outcome now (the deal's status): the deals list from Monday to Sunday.
    private async Task<DashboardChart> RegistrationsByWeekAsync(PortalDbContext db, CurrentUser user, List<DateOnly> weeks, CancellationToken ct)
    {
        var counts = await Buckets.ReadAsync(RegistrationsByWeek(db, user, weeks), ct).ConfigureAwait(false);
        var series = Outcomes
            .Where(status => counts.Any(c => c.Key == status))
            .Select(status => new ChartSeriesView(
                $"DealStatus_{status}",
                [.. weeks.Select((monday, i) => new ChartPoint(CountOf(counts, i + 1, status), GridLinks.Deals(status, from: monday, to: monday.AddDays(6))))]))
            .ToList();
        return new DashboardChart("Dash_RegistrationsByWeek", WeekCategories(weeks), series, Stacked: true);
    }

    /// <summary>The registrations chart's counts: deals by week of registration (bucket 1 is the first week) and status.</summary>
    internal IEnumerable<IQueryable<BucketCount<DealStatus>>> RegistrationsByWeek(PortalDbContext db, CurrentUser user, IReadOnlyList<DateOnly> weeks)
    {
        // Naming the statuses lets the (Status, CreatedAt) index seek each status's range of each week.
        var registered = deals.Filtered(db, user, new DealFilter(Statuses: Outcomes));
        return Buckets.Each(registered, d => d.CreatedAt, Starts(weeks), d => d.Status);
    }

    // Conflicts: registrations refused because another agent protects the customer (rejected with CUSTOMER_PROTECTED).
    private async Task<DashboardChart> ConflictsByWeekAsync(PortalDbContext db, CurrentUser user, List<DateOnly> weeks, CancellationToken ct)
    {
        var conflicts = deals.Filtered(db, user, new DealFilter(DealStatus.Rejected, Reason: ReasonCode.CustomerProtected));
        var counts = await Buckets.ReadAsync(Buckets.Each(conflicts, d => d.CreatedAt, Starts(weeks), d => d.Status), ct).ConfigureAwait(false);
        ChartSeriesView series = new(
            "Dash_Conflicts",
            [.. weeks.Select((monday, i) => new ChartPoint(CountOf(counts, i + 1, DealStatus.Rejected), GridLinks.Deals(DealStatus.Rejected, ReasonCode.CustomerProtected, monday, monday.AddDays(6))))]);
        return new DashboardChart("Dash_ConflictsByWeek", WeekCategories(weeks), [series], Stacked: false);
    }

    // Protections in force whose last day falls in the next 30 days, by China week (a week's days within that window).
    private async Task<DashboardChart> ExpiringByWeekAsync(PortalDbContext db, DateTime now, CancellationToken ct)
    {
        var today = clock.Today;
        var last = today.AddDays(ExpiringDaysAhead);
        var weeks = new List<DateOnly>();
        for (var monday = Monday(today); monday <= last; monday = monday.AddDays(7))
        {
            weeks.Add(monday);
        }

        var counts = await Buckets.ReadAsync(ExpiringByWeek(db, now, weeks), ct).ConfigureAwait(false);
        ChartSeriesView series = new(
            "Dash_ExpiringProtections",
            [.. weeks.Select((monday, i) => new ChartPoint(CountOf(counts, i + 1, 0), GridLinks.Customers(expiresFrom: Later(monday, today), expiresTo: Earlier(monday.AddDays(6), last))))]);
        return new DashboardChart("Dash_ExpiringByWeek", WeekCategories(weeks), [series], Stacked: false);
    }

    /// <summary>The expiring chart's counts: protections in force by the week their last day falls in (bucket 1 is the first).</summary>
    internal IEnumerable<IQueryable<BucketCount<int>>> ExpiringByWeek(PortalDbContext db, DateTime now, IReadOnlyList<DateOnly> weeks)
    {
        // One protection in force per customer (the unique index UX_CustomerProtections_OpenPerCustomer), so counting
        // protections counts the customers the list shows. One in force ends after now, so the weeks' ranges (from this
        // Monday on) need only the window's last day.
        var until = clock.EndOfDay(clock.Today.AddDays(ExpiringDaysAhead));
        var expiring = CustomerDirectory.InForce(db, now).Where(p => p.Until <= until);
        return Buckets.Each(expiring, p => p.Until, Starts(weeks), p => 0, strictlyAfter: true);
    }

    private static async Task<DashboardChart> AgentsByTierAsync(PortalDbContext db, CancellationToken ct)
    {
        var counts = await db.Agents.AsNoTracking()
            .GroupBy(a => new { a.Tier, a.Status })
            .Select(g => new { g.Key.Tier, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct).ConfigureAwait(false);
        var tiers = Enum.GetValues<AgentTier>();
        var series = Enum.GetValues<ContractStatus>()
            .Where(status => counts.Any(c => c.Status == status))
            .Select(status => new ChartSeriesView(
                $"Contract_{status}",
                [.. tiers.Select(tier => new ChartPoint(counts.Where(c => c.Tier == tier && c.Status == status).Sum(c => c.Count), GridLinks.Agents(tier, status)))]))
            .ToList();
        return new DashboardChart("Dash_AgentsByTier", [.. tiers.Select(t => new ChartCategory($"Tier_{t}"))], series, Stacked: true);
    }

    private async Task<DashboardView> ResellerAsync(PortalDbContext db, CurrentUser user, int agentId, CancellationToken ct)
    {
        var now = clock.Now;
        var (quarterStart, quarterEnd) = Quarter(clock.Today);
        var headlines = new List<Headline>();
        foreach (var days in ExpiringWarnings)
        {
            var count = await customers.Filtered(db, new CustomerFilter(ExpiringWithinDays: days), now).CountAsync(ct).ConfigureAwait(false);
            headlines.Add(new($"Dash_MyExpiring{days}", count, GridLinks.Customers(expiring: days)));
        }

        headlines.Add(new("Dash_MyMarginThisQuarter", await MarginAsync(db, r => r.AgentId == agentId, quarterStart, quarterEnd, ct).ConfigureAwait(false), GridLinks.Deals(owner: DealOwner.Own, soldFrom: quarterStart, soldTo: quarterEnd), IsMoney: true));
        headlines.Add(new("Dash_MySubAgents", await db.AgentLinks.CountAsync(l => l.AncestorId == agentId && l.Depth > 0, ct).ConfigureAwait(false), GridLinks.SubAgents));
        headlines.Add(new("Dash_SubAgentDeals", await deals.Filtered(db, user, new DealFilter(Owner: DealOwner.SubAgents)).CountAsync(ct).ConfigureAwait(false), GridLinks.Deals(owner: DealOwner.SubAgents)));
        headlines.Add(new("Dash_SubAgentSalesThisQuarter", await RevenueAsync(db, r => r.AgentId != agentId, quarterStart, quarterEnd, ct).ConfigureAwait(false), GridLinks.Deals(owner: DealOwner.SubAgents, soldFrom: quarterStart, soldTo: quarterEnd), IsMoney: true));

        var pipeline = await deals.Filtered(db, user, new DealFilter(Owner: DealOwner.Own))
            .GroupBy(d => d.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToListAsync(ct).ConfigureAwait(false);
        var statuses = Outcomes.Where(s => pipeline.Any(p => p.Status == s)).ToList();
        DashboardChart chart = new(
            "Dash_MyPipeline",
            [.. statuses.Select(s => new ChartCategory($"DealStatus_{s}"))],
            [new("Dash_Deals", [.. statuses.Select(s => new ChartPoint(pipeline.Where(p => p.Status == s).Sum(p => p.Count), GridLinks.Deals(s, owner: DealOwner.Own)))])],
            Stacked: false);
        return new DashboardView(PortalRoles.Reseller, headlines, [chart]);
    }

    // Margin: what the sales charged, less what the agent paid the vendor — each sold line at the purchase price its
    // deal recorded for that product (the agent's tier price when it registered).
    private static async Task<decimal> MarginAsync(PortalDbContext db, Expression<Func<SalesReport, bool>> whose, DateOnly first, DateOnly last, CancellationToken ct)
    {
        var lines = from r in db.SalesReports.AsNoTracking().Where(whose)
                    where r.SoldOn >= first && r.SoldOn <= last
                    from l in r.Lines
                    select (l.UnitPrice - db.Set<DealLine>().Where(d => d.DealId == r.DealId && d.Sku == l.Sku).Select(d => d.PurchasePrice).FirstOrDefault()) * l.Quantity;
        return Money.Round(await lines.SumAsync(ct).ConfigureAwait(false));
    }

    private static async Task<decimal> RevenueAsync(PortalDbContext db, Expression<Func<SalesReport, bool>> whose, DateOnly first, DateOnly last, CancellationToken ct)
    {
        var lines = from r in db.SalesReports.AsNoTracking().Where(whose)
                    where r.SoldOn >= first && r.SoldOn <= last
                    from l in r.Lines
                    select l.UnitPrice * l.Quantity;
        return Money.Round(await lines.SumAsync(ct).ConfigureAwait(false));
    }

    private async Task<DashboardView> ComplianceAsync(PortalDbContext db, CancellationToken ct)
    {
        var now = clock.Now;
        var today = clock.Today;
        var yearStart = new DateOnly(today.Year, 1, 1);
        Headline[] headlines =
        [
            new("Dash_NewReports", await cases.Filtered(db, new CaseFilter(CaseState.Reported), now).CountAsync(ct).ConfigureAwait(false), GridLinks.Cases(CaseState.Reported)),
            new("Dash_PenaltiesThisYear", await cases.Filtered(db, new CaseFilter(PenalizedFrom: yearStart), now).CountAsync(ct).ConfigureAwait(false), GridLinks.Cases(penalizedFrom: yearStart)),
            new("Dash_AuditEntries", await db.AuditEntries.LongCountAsync(ct).ConfigureAwait(false), GridLinks.Audit),
        ];

        // Open cases by age band (bucket 0 is the oldest band), stacked by state.
        var bands = AgeBands.Select(b => (b.Key, From: b.Oldest is { } oldest ? today.AddDays(-oldest) : (DateOnly?)null, To: today.AddDays(-b.Youngest))).ToList();
        var open = cases.Filtered(db, new CaseFilter(), now).Where(c => OpenCaseStates.Contains(c.State));
        var byAge = await Buckets.ReadAsync(Buckets.Each(open, c => c.OpenedAt, [.. bands.Skip(1).Select(b => clock.Calendar.StartOfDay(b.From!.Value))], c => c.State, withEarlier: true), ct).ConfigureAwait(false);
        DashboardChart ages = new(
            "Dash_OpenCasesByAge",
            [.. bands.Select(b => new ChartCategory(b.Key))],
            [
                .. OpenCaseStates.Where(s => byAge.Any(c => c.Key == s)).Select(state => new ChartSeriesView(
                    $"CaseState_{state}",
                    [.. bands.Select((b, i) => new ChartPoint(CountOf(byAge, i, state), GridLinks.Cases(state, openedFrom: b.From, openedTo: b.To)))])),
            ],
            Stacked: true);

        var byType = await cases.Filtered(db, new CaseFilter(), now)
            .GroupBy(c => new { c.Type, c.State })
            .Select(g => new { g.Key.Type, g.Key.State, Count = g.Count() })
            .ToListAsync(ct).ConfigureAwait(false);
        var types = Enum.GetValues<ViolationType>();
        DashboardChart kinds = new(
            "Dash_CasesByType",
            [.. types.Select(t => new ChartCategory($"ViolationType_{t}"))],
            [
                .. Enum.GetValues<CaseState>().Where(s => byType.Any(c => c.State == s)).Select(state => new ChartSeriesView(
                    $"CaseState_{state}",
                    [.. types.Select(type => new ChartPoint(byType.Where(c => c.Type == type && c.State == state).Sum(c => c.Count), GridLinks.Cases(state, type)))])),
            ],
            Stacked: true);
        return new DashboardView(PortalRoles.Compliance, headlines, [ages, kinds]);
    }

    private async Task<DashboardView> AdminAsync(PortalDbContext db, CancellationToken ct)
    {
        // Identity stores LockoutEnd as a DateTimeOffset, which SQLite cannot compare; the user table is small.
        var now = new DateTimeOffset(clock.Now);
        var lockoutEnds = await db.Users.Where(u => u.LockoutEnd != null).Select(u => u.LockoutEnd).ToListAsync(ct).ConfigureAwait(false);
        Headline[] headlines =
        [
            new("Dash_Users", await db.Users.CountAsync(ct).ConfigureAwait(false), GridLinks.Users()),
            new("Dash_LockedUsers", lockoutEnds.Count(end => end > now), GridLinks.Users("locked")),
            new("Dash_DisabledUsers", await db.Users.CountAsync(u => u.IsDisabled, ct).ConfigureAwait(false), GridLinks.Users("disabled")),
            new("Dash_AuditEntries", await db.AuditEntries.LongCountAsync(ct).ConfigureAwait(false), GridLinks.Audit),
        ];
        return new DashboardView(PortalRoles.Admin, headlines, []);
    }

    /// <summary>The Mondays of the last <see cref="WeeksShown"/> China weeks, oldest first; the last is this week's.</summary>
    private List<DateOnly> LastWeeks()
    {
        var thisWeek = Monday(clock.Today);
        return [.. Enumerable.Range(0, WeeksShown).Select(i => thisWeek.AddDays(-7 * (WeeksShown - 1 - i)))];
    }

    private List<DateTime> Starts(IEnumerable<DateOnly> days) => [.. days.Select(clock.Calendar.StartOfDay)];

    private static List<ChartCategory> WeekCategories(IEnumerable<DateOnly> weeks) => [.. weeks.Select(w => new ChartCategory(null, w))];

    private static int CountOf<TKey>(IEnumerable<BucketCount<TKey>> counts, int bucket, TKey key) =>
        counts.Where(c => c.Bucket == bucket && EqualityComparer<TKey>.Default.Equals(c.Key, key)).Sum(c => c.Count);

    /// <summary>The Monday of a day's week (weeks run Monday to Sunday in China).</summary>
    public static DateOnly Monday(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>The first and last day of a day's calendar quarter.</summary>
    public static (DateOnly First, DateOnly Last) Quarter(DateOnly day)
    {
        var first = new DateOnly(day.Year, ((day.Month - 1) / 3 * 3) + 1, 1);
        return (first, first.AddMonths(3).AddDays(-1));
    }

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Earlier(DateOnly a, DateOnly b) => a < b ? a : b;
}
