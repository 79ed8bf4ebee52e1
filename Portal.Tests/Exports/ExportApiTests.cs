using System.Net;
using System.Net.Http.Headers;
using System.Text;
using MiniExcelLibs;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Infrastructure.ApiCalls;

namespace Portal.Tests.Exports;

/// <summary>
/// <c>GET /api/v1/&lt;list&gt;/export</c>: the list's own filter, sort, visibility and authorization, as a streamed
/// attachment; and its browser twin <c>/exports/&lt;list&gt;</c> on the portal's cookie.
/// </summary>
public sealed class ExportApiTests(PortalAppFixture fixture) : AppTest(fixture)
{
    [Fact]
    public async Task The_deals_file_holds_exactly_the_rows_the_filtered_list_counts_as_an_attachment_named_after_today()
    {
        using var manager = await SignInClient.WithTokenAsync(App, Manager);
        var total = (await JsonAsync(await manager.GetAsync(Url("/api/v1/deals?status=Approved&pageSize=1")))).GetProperty("totalCount").GetInt32();
        Assert.True(total > 0);

        using var response = await manager.GetAsync(Url("/api/v1/deals/export?format=csv&status=Approved"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Matches(@"^deals-\d{8}\.csv$", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var lines = await CsvLinesAsync(response);
        Assert.Equal(total, lines.Count - 1);
    }

    [Fact]
    public async Task A_reseller_exports_only_its_subtrees_deals()
    {
        using var tianhe = await SignInClient.WithTokenAsync(App, Tianhe);
        using var sz = await SignInClient.WithTokenAsync(App, Sz);
        var tianheTotal = (await JsonAsync(await tianhe.GetAsync(Url("/api/v1/deals?pageSize=1")))).GetProperty("totalCount").GetInt32();

        var tianheRows = (await CsvLinesAsync(await tianhe.GetAsync(Url("/api/v1/deals/export")))).Skip(1).ToList();
        var szRows = (await CsvLinesAsync(await sz.GetAsync(Url("/api/v1/deals/export")))).Skip(1).ToList();

        Assert.Equal(tianheTotal, tianheRows.Count);
        Assert.All(tianheRows, r => Assert.Matches(",T[12]-[A-Z]+,", r));
        Assert.DoesNotContain(szRows, r => r.Contains(",T1-TIANHE,", StringComparison.Ordinal));
        Assert.Empty(tianheRows.Select(Id).Intersect(szRows.Select(Id)));
    }

    [Fact]
    public async Task The_workbook_has_headers_in_the_callers_language_and_the_lists_rows()
    {
        using var manager = await SignInClient.WithTokenAsync(App, Manager);
        manager.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("zh-CN"));
        var total = (await JsonAsync(await manager.GetAsync(Url("/api/v1/agents?tier=Core&pageSize=1")))).GetProperty("totalCount").GetInt32();

        using var response = await manager.GetAsync(Url("/api/v1/agents/export?format=xlsx&tier=Core&sortBy=Code&descending=false"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches(@"^agents-\d{8}\.xlsx$", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var file = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = file.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal("编码", rows[0]["A"]);
        Assert.Equal(total, rows.Count - 1);
        Assert.All(rows.Skip(1), r => Assert.Equal("核心代理", r["C"]));
        Assert.Equal(rows.Skip(1).Select(r => (string?)r["A"]).Order(StringComparer.Ordinal), rows.Skip(1).Select(r => (string?)r["A"]));
    }

    [Fact]
    public async Task A_core_reseller_exports_its_sub_agents_and_nothing_beside_them()
    {
        using var gz = await SignInClient.WithTokenAsync(App, Gz);

        var rows = (await CsvLinesAsync(await gz.GetAsync(Url("/api/v1/sub-agents/export")))).Skip(1).ToList();

        var codes = rows.Select(r => r.Split(',')[1]).ToList();
        Assert.Contains("T1-TIANHE", codes);
        Assert.Contains("T2-YUEXIU", codes);
        Assert.DoesNotContain("CORE-GZ", codes);
        Assert.DoesNotContain("CORE-SZ", codes);
    }

    [Theory]
    [InlineData(null, "/api/v1/deals/export", HttpStatusCode.Unauthorized)]
    [InlineData(Tianhe, "/api/v1/agents/export", HttpStatusCode.Forbidden)]
    [InlineData(Tianhe, "/api/v1/violations/export", HttpStatusCode.Forbidden)]
    [InlineData(Tianhe, "/api/v1/audit/export", HttpStatusCode.Forbidden)]
    [InlineData(Tianhe, "/api/v1/sub-agents/export", HttpStatusCode.Forbidden)]
    [InlineData(Manager, "/api/v1/audit/export", HttpStatusCode.Forbidden)]
    public async Task An_export_is_refused_to_whoever_the_list_refuses(string? email, string path, HttpStatusCode expected)
    {
        using var client = email is null ? App.CreateClient() : await SignInClient.WithTokenAsync(App, email);

        using var response = await client.GetAsync(Url(path));

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_format_is_a_400_with_its_field()
    {
        using var manager = await SignInClient.WithTokenAsync(App, Manager);

        using var response = await manager.GetAsync(Url("/api/v1/customers/export?format=pdf"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("INVALID_VALUE", (await JsonAsync(response)).GetProperty("errors").GetProperty("format").ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_browser_downloads_on_its_cookie_while_the_api_still_refuses_the_cookie()
    {
        using var browser = await SignInClient.WithCookieAsync(App, Compliance);

        using var download = await browser.GetAsync(Url("/exports/violations?format=csv"));
        using var api = await browser.GetAsync(Url("/api/v1/violations/export"));

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    private static string Id(string csvLine) => csvLine[..csvLine.IndexOf(',', StringComparison.Ordinal)];

    private static async Task<List<string>> CsvLinesAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
            return [.. Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries)];
        }
    }
}
