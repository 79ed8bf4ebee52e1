using System.Globalization;
using System.Text;
using MiniExcelLibs;
using Portal.Features.Deals;
using Portal.Features.Exports;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Exports;

/// <summary>
/// The writers every grid's export goes through (ADR 29): CSV with a byte-order mark and xlsx, written to a stream that
/// refuses to seek or to be written synchronously, as a response body does; Chinese text comes back as it went in.
/// </summary>
public sealed class ExportWriterTests(PortalAppFixture fixture) : AppTest(fixture)
{
    private static readonly DealRow Row = new(
        7, "广州天河导出测试科技有限公司", "91440106MA5D0001X1", "440106", "T1-TIANHE", Portal.Domain.Deals.DealStatus.Approved, 39800.5m,
        new DateTime(2026, 11, 30, 2, 5, 0, DateTimeKind.Utc), new DateOnly(2026, 12, 31), new DateOnly(2027, 2, 28));

    [Fact]
    public async Task Csv_starts_with_a_byte_order_mark_and_keeps_chinese_text_in_the_readers_language()
    {
        using var body = new ResponseLikeStream(keep: true);

        await InCultureAsync("zh-CN", () => Service<ExportWriter>().WriteAsync(body, ExportFormat.Csv, DealExport.Columns, Rows(Row)));

        var bytes = body.Bytes;
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\n')).ToList();
        Assert.Equal(2, lines.Count);
        Assert.Contains("客户", lines[0], StringComparison.Ordinal);
        // Business time (UTC+8), money invariant with two decimals, the status in Chinese.
        Assert.Equal("7,广州天河导出测试科技有限公司,91440106MA5D0001X1,440106,T1-TIANHE,已通过,39800.50,2026-11-30 10:05,2026-12-31,2027-02-28", lines[1]);
    }

    [Fact]
    public async Task Xlsx_is_written_to_a_forward_only_stream_and_reads_back_with_its_chinese_text()
    {
        using var body = new ResponseLikeStream(keep: true);

        await InCultureAsync("zh-CN", () => Service<ExportWriter>().WriteAsync(body, ExportFormat.Xlsx, DealExport.Columns, Rows(Row)));

        using var file = new MemoryStream(body.Bytes);
        var rows = file.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal("客户", rows[0]["B"]);
        Assert.Equal("广州天河导出测试科技有限公司", rows[1]["B"]);
        Assert.Equal("已通过", rows[1]["F"]);
        Assert.Equal(39800.5m, Convert.ToDecimal(rows[1]["G"], CultureInfo.InvariantCulture));
        Assert.Equal("2026-11-30 10:05", rows[1]["H"]);
    }

    [Fact]
    public async Task A_cell_that_starts_like_a_formula_is_escaped_in_csv()
    {
        using var body = new ResponseLikeStream(keep: true);

        await InCultureAsync("en", () => Service<ExportWriter>().WriteAsync(body, ExportFormat.Csv, DealExport.Columns, Rows(Row with { CustomerName = "=HYPERLINK(\"http://x\")" })));

        var text = Encoding.UTF8.GetString(body.Bytes);
        Assert.DoesNotContain(",=HYPERLINK", text, StringComparison.Ordinal);
        Assert.Contains("Approved", text, StringComparison.Ordinal);
    }

    private static async IAsyncEnumerable<DealRow> Rows(params DealRow[] rows)
    {
        foreach (var row in rows)
        {
            await Task.Yield();
            yield return row;
        }
    }

    private static async Task InCultureAsync(string culture, Func<Task> act)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            await act();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
