using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Components.Common;
using Portal.Data;
using Portal.Data.Identity;
using Portal.Domain.Audit;
using Portal.Domain.Deals;
using Portal.Features.Audit;
using Portal.Features.Customers;
using Portal.Features.Dashboard;
using Portal.Features.Deals;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Operations;

/// <summary>
/// The vendor staff's grid queries use the indexes ADR 43 gives them — read in order, with no sort of every row —
/// under the statistics of the national synthetic channel (ANALYZE of 100 000 agents / 1 000 000 customers, seed 42).
/// </summary>
public sealed class GridPlanTests(GridPlanTests.Fixture fixture) : AppTest<GridPlanTests.Fixture>(fixture)
{
    // sqlite_stat1 of the grids' tables on the national synthetic channel.
    private const string NationalStatistics =
        "ANALYZE; DELETE FROM sqlite_stat1 WHERE tbl IN ('Deals', 'AuditLog', 'CustomerProtections', 'Customers', 'Agents', 'DealLines'); " +
        "INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES " +
        "('AuditLog', 'IX_AuditLog_Action_Id', '757527 126255 1'), ('AuditLog', 'IX_AuditLog_Actor_Id', '757527 8 1'), " +
        "('AuditLog', 'IX_AuditLog_At', '757527 2'), ('AuditLog', 'IX_AuditLog_EntityId_Id', '757527 2 1'), " +
        "('AuditLog', 'IX_AuditLog_EntityType_EntityId', '757527 189382 2'), ('AuditLog', 'IX_AuditLog_Sequence', '757527 1'), " +
        "('CustomerProtections', 'IX_CustomerProtections_AgentId_EndedAt_Until', '564498 6 3 1'), ('CustomerProtections', 'IX_CustomerProtections_DealId', '564498 1'), " +
        "('CustomerProtections', 'IX_CustomerProtections_EndedAt_Until_Since', '564498 6 2 1'), ('CustomerProtections', 'UX_CustomerProtections_OpenPerCustomer', '464541 1'), " +
        "('Customers', 'IX_Customers_CityCode_NormalizedName', '1000054 2933 1'), ('Customers', 'IX_Customers_LegalName', '1000054 1'), " +
        "('Customers', 'IX_Customers_RegionCode', '1000054 2545'), ('Customers', 'IX_Customers_Uscc', '1000054 1'), " +
        "('Deals', 'IX_Deals_AgentId_Status', '564498 6 3'), ('Deals', 'IX_Deals_CustomerId_Status', '564498 1 1'), " +
        "('Deals', 'IX_Deals_ProtectedUntil_Id', '564498 1 1'), ('Deals', 'IX_Deals_Status_CreatedAt', '564498 188166 1'), " +
        "('Deals', 'IX_Deals_Status_Id', '564498 188166 1'), " +
        "('Agents', 'IX_Agents_Code', '100000 1'), ('Agents', 'IX_Agents_ParentId', '100000 11'), ('Agents', 'IX_Agents_Status_Tier', '100000 25000 10000'), " +
        "('Agents', 'IX_Agents_Uscc', '100000 1'), ('DealLines', 'IX_DealLines_DealId', '564498 1'); " +
        "ANALYZE sqlite_schema;";

    private const string SortsEveryRow = "USE TEMP B-TREE FOR ORDER BY";

    private static readonly CurrentUser Staff = new("plan", "manager@channels.local", "M", [PortalRoles.ChannelManager], null, null, null);

    [Theory]
    [InlineData(nameof(DealRow.Status), false, "IX_Deals_Status_CreatedAt")]
    [InlineData(nameof(DealRow.Status), true, "IX_Deals_Status_CreatedAt")]
    [InlineData(nameof(DealRow.ProtectedUntil), false, "IX_Deals_ProtectedUntil_Id")]
    [InlineData(nameof(DealRow.ProtectedUntil), true, "IX_Deals_ProtectedUntil_Id")]
    [InlineData(nameof(DealRow.CustomerName), false, "IX_Customers_LegalName")]
    public async Task A_deals_sort_reads_its_index_in_order(string sortBy, bool descending, string index)
    {
        await using var db = await DbAsync();
        var page = Service<DealQueries>().PageQuery(db, Staff, new DealFilter(), null, new PageRequest(0, 25, sortBy, descending));

        var plan = await PlanAsync(db, page.ToQueryString());

        Assert.Contains(index, plan, StringComparison.Ordinal);
        if (sortBy != nameof(DealRow.CustomerName))
        {
            Assert.DoesNotContain(SortsEveryRow, plan, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_status_filter_lists_newest_first_from_its_index()
    {
        await using var db = await DbAsync();
        var page = Service<DealQueries>().PageQuery(db, Staff, new DealFilter(DealStatus.Won), null, new PageRequest(0, 25, null, true));

        var plan = await PlanAsync(db, page.ToQueryString());

        Assert.Contains("IX_Deals_Status_Id", plan, StringComparison.Ordinal);
        Assert.DoesNotContain(SortsEveryRow, plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ties_broken_against_the_sort_s_direction_would_sort_every_deal()
    {
        // The shape the list had: status ascending, newest first within a status. No index gives that order.
        await using var db = await DbAsync();
        var page = db.Deals.OrderBy(d => d.Status).ThenByDescending(d => d.Id).Take(25);

        var plan = await PlanAsync(db, page.ToQueryString());

        Assert.Contains("TEMP B-TREE", plan, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Customers_by_protection_end_come_from_the_protections_index(bool descending)
    {
        await using var db = await DbAsync();
        var page = Service<CustomerDirectory>().PageQuery(db, new CustomerFilter(), null, new PageRequest(0, 25, nameof(CustomerRow.ProtectedUntil), descending), Now);

        var plan = await PlanAsync(db, page.ToQueryString());

        Assert.Contains("IX_CustomerProtections_EndedAt_Until", plan, StringComparison.Ordinal);
        Assert.DoesNotContain(SortsEveryRow, plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_customers_page_reads_each_holder_by_the_unique_open_protection_index()
    {
        // National statistics make an equality on EndedAt look cheap (six rows per distinct end time on average, when
        // 464 541 protections are open): the holder is read per customer by its id all the same.
        await using var db = await DbAsync();
        var page = Service<CustomerDirectory>().PageQuery(db, new CustomerFilter(), null, new PageRequest(0, 25, null, false), Now);

        var plan = await PlanAsync(db, page.ToQueryString());

        Assert.Contains("UX_CustomerProtections_OpenPerCustomer", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("IX_CustomerProtections_EndedAt_Until", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_s_ids_as_one_in_list_would_walk_every_open_protection()
    {
        // The shape the page used to read its holders with: under these statistics SQLite takes the other index.
        await using var db = await DbAsync();
        int[] ids = [1, 2, 3, 4, 5];
        var lookup = db.CustomerProtections.Where(p => p.EndedAt == null && p.Since <= Now && p.Until > Now && ids.Contains(p.CustomerId));

        var plan = await PlanAsync(db, lookup.ToQueryString());

        Assert.Contains("IX_CustomerProtections_EndedAt_Until", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_audit_action_filter_reads_the_action_index_newest_first()
    {
        await using var db = await DbAsync();
        var page = Service<AuditLogService>().PageQuery(db, new AuditFilter(Action: AuditAction.DealWon), new PageRequest(0, 25, null, true));

        var plan = await PlanAsync(db, page.ToQueryString());

        Assert.Contains("IX_AuditLog_Action_Id", plan, StringComparison.Ordinal);
        Assert.DoesNotContain(SortsEveryRow, plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_audit_actor_filter_is_a_range_of_the_actor_index()
    {
        await using var db = await DbAsync();
        var page = Service<AuditLogService>().PageQuery(db, new AuditFilter(Actor: "gz-"), new PageRequest(0, 25, null, true));

        var plan = await PlanAsync(db, page.ToQueryString());

        Assert.Contains("IX_AuditLog_Actor_Id (Actor>? AND Actor<?)", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_protections_in_force_are_counted_from_the_covering_index_alone()
    {
        // The manager's "protected customers" figure counts every protection in force (464 541 nationally).
        await using var db = await DbAsync();
        var inForce = CustomerDirectory.InForce(db, Now).Select(p => p.Id);

        var plan = await PlanAsync(db, inForce.ToQueryString());

        Assert.Contains("COVERING INDEX IX_CustomerProtections_EndedAt_Until_Since", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_week_of_the_registrations_chart_is_a_range_of_the_status_index_counted_in_status_order()
    {
        await using var db = await DbAsync();
        var thisWeek = DashboardService.Monday(TestTime.Today);
        var weeks = Enumerable.Range(0, DashboardService.WeeksShown).Select(i => thisWeek.AddDays(-7 * (DashboardService.WeeksShown - 1 - i))).ToList();

        var buckets = Service<DashboardService>().RegistrationsByWeek(db, Staff, weeks).ToList();

        Assert.Equal(DashboardService.WeeksShown, buckets.Count);
        foreach (var bucket in buckets)
        {
            var plan = await PlanAsync(db, bucket.ToQueryString());
            // A seek per status (not a skip-scan over the statuses, which a second lower bound on CreatedAt brought on).
            Assert.Contains("COVERING INDEX IX_Deals_Status_CreatedAt (Status=? AND CreatedAt>?", plan, StringComparison.Ordinal);
            Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Each_week_of_the_expiring_chart_is_a_range_of_the_covering_protections_index()
    {
        await using var db = await DbAsync();
        var weeks = Enumerable.Range(0, 5).Select(i => DashboardService.Monday(TestTime.Today).AddDays(7 * i)).ToList();

        foreach (var bucket in Service<DashboardService>().ExpiringByWeek(db, Now, weeks))
        {
            var plan = await PlanAsync(db, bucket.ToQueryString());
            Assert.Contains("COVERING INDEX IX_CustomerProtections_EndedAt_Until_Since (EndedAt=? AND Until>?", plan, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_customer_name_is_found_through_the_trigram_table()
    {
        await using var db = await DbAsync();

        var plan = await PlanAsync(db, CustomerNameTrigrams.SqliteMatch.Replace("{0}", "'%科技有限%'", StringComparison.Ordinal).Replace("{1}", "1001", StringComparison.Ordinal));

        Assert.Contains("VIRTUAL TABLE INDEX", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_trigram_table_follows_the_customers()
    {
        await using var db = await DbAsync();
        var customer = await db.Customers.OrderBy(c => c.Id).FirstAsync();

        var found = await CustomerNameTrigrams.MatchingAsync(db, customer.LegalName[1..], 10, CancellationToken.None);
        await db.Database.ExecuteSqlRawAsync("UPDATE \"Customers\" SET \"LegalName\" = '重命名后的测试客户有限公司' WHERE \"Id\" = {0}", customer.Id);
        var renamed = await CustomerNameTrigrams.MatchingAsync(db, "重命名后的测试", 10, CancellationToken.None);

        Assert.Contains(customer.Id, found);
        Assert.Equal([customer.Id], renamed);
    }

    private static async Task<string> PlanAsync(PortalDbContext db, string sql)
    {
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        await using (var statistics = connection.CreateCommand())
        {
            statistics.CommandText = NationalStatistics;
            await statistics.ExecuteNonQueryAsync();
        }

        // ToQueryString declares its parameters as ".param set" lines; unbound parameters do not change the plan.
        var statement = string.Join('\n', sql.Split('\n').Where(line => !line.StartsWith(".param", StringComparison.Ordinal)));
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + statement;
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(3));
        }

        return string.Join('\n', lines);
    }

    /// <summary>A portal of its own: the statistics written here must not reach another class's plans.</summary>
    public sealed class Fixture : PortalAppFixture;
}
