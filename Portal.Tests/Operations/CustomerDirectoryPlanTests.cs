using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Portal.Components.Common;
using Portal.Features.Customers;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Operations;

/// <summary>
/// The customers page reads each listed customer's holder through the unique open-protection index, even where SQLite's
/// statistics are those of a national channel (ANALYZE of 100 000 agents / 1 000 000 customers), which make an
/// equality on <c>EndedAt</c> look cheap: six rows per distinct end time on average, when 463 717 protections are open.
/// </summary>
public sealed class CustomerDirectoryPlanTests(CustomerDirectoryPlanTests.Fixture fixture) : AppTest<CustomerDirectoryPlanTests.Fixture>(fixture)
{
    // sqlite_stat1 of CustomerProtections on the synthetic national channel (seed 42).
    private const string NationalStatistics =
        "ANALYZE; DELETE FROM sqlite_stat1 WHERE tbl = 'CustomerProtections'; " +
        "INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES " +
        "('CustomerProtections', 'IX_CustomerProtections_EndedAt_Until', '563784 6 2'), " +
        "('CustomerProtections', 'UX_CustomerProtections_OpenPerCustomer', '463717 1'), " +
        "('CustomerProtections', 'IX_CustomerProtections_DealId', '563784 1'), " +
        "('CustomerProtections', 'IX_CustomerProtections_AgentId_EndedAt_Until', '563784 6 3 1'); " +
        "ANALYZE sqlite_schema;";

    [Fact]
    public async Task A_page_reads_each_holder_by_the_unique_open_protection_index()
    {
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

    private static async Task<string> PlanAsync(DbContext db, string sql)
    {
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        await ExecuteAsync(connection, NationalStatistics);

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

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A portal of its own: the statistics written here must not reach another class's plans.</summary>
    public sealed class Fixture : PortalAppFixture;
}
