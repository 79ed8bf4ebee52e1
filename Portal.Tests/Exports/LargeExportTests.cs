using Microsoft.EntityFrameworkCore;
using Portal.Features.Customers;
using Portal.Features.Exports;
using Portal.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Portal.Tests.Exports;

/// <summary>
/// DESIGN.md §10: a million customers must export. 100 000 customers, inserted in one statement, are exported as CSV and
/// as xlsx to a forward-only stream that discards what it is given, while the memory still in use is sampled: it must
/// stay far below what holding the rows would take.
/// </summary>
public sealed class LargeExportTests(PortalAppFixture fixture, ITestOutputHelper output) : AppTest(fixture)
{
    private const int Customers = 100_000;

    // Generous: the rows themselves (names, codes, a holder each) would take well over this if they were held.
    private const long LiveGrowthBound = 100L * 1024 * 1024;

    [Theory]
    [InlineData(ExportFormat.Csv)]
    [InlineData(ExportFormat.Xlsx)]
    public async Task A_hundred_thousand_customers_export_with_bounded_memory(ExportFormat format)
    {
        await InsertCustomersAsync();
        var manager = await UserAsync(Manager);
        var rows = Service<CustomerDirectory>().ExportAsync(manager, new CustomerFilter(Search: "导出压力"), sortBy: null, descending: false);
        var sampler = new LiveMemory();
        using var body = new ResponseLikeStream(keep: false);

        await Service<ExportWriter>().WriteAsync(body, format, CustomerExport.Columns, sampler.Sampling(rows));

        output.WriteLine($"{format}: {sampler.Rows:N0} rows, {body.Written:N0} bytes written, live memory grew at most {sampler.MostGrowth / 1024.0 / 1024.0:N1} MB");
        Assert.Equal(Customers, sampler.Rows);
        Assert.True(body.Written > Customers * 20L, $"{body.Written} bytes");
        Assert.InRange(sampler.MostGrowth, long.MinValue, LiveGrowthBound);
    }

    private async Task InsertCustomersAsync()
    {
        await using var db = await DbAsync();
        var inserted = await db.Database.ExecuteSqlRawAsync(
            """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)
            INSERT INTO Customers (Uscc, LegalName, NormalizedName, RegionCode, CityCode, Segment, CreatedAt, Version)
            SELECT printf('9144010%011d', i), '广州导出压力测试第' || i || '号科技有限公司', '广州导出压力测试第' || i || '号科技', '440106', '440100', 'Public', '2026-11-01 00:00:00', 0
            FROM n
            """);
        Assert.Equal(Customers, inserted);
    }

    /// <summary>Counts the rows as the writer takes them and, every 10 000, how much memory is still in use after a full collection.</summary>
    private sealed class LiveMemory
    {
        private readonly long _baseline = GC.GetTotalMemory(forceFullCollection: true);

        public int Rows { get; private set; }

        public long MostGrowth { get; private set; }

        public async IAsyncEnumerable<T> Sampling<T>(IAsyncEnumerable<T> rows)
        {
            await foreach (var row in rows)
            {
                if (++Rows % 10_000 == 0)
                {
                    MostGrowth = Math.Max(MostGrowth, GC.GetTotalMemory(forceFullCollection: true) - _baseline);
                }

                yield return row;
            }
        }
    }
}
