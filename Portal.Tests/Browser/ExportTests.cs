using System.Text;
using Microsoft.Playwright;
using Portal.Components.Common;
using Portal.Domain.Deals;
using Portal.Features.Deals;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Browser;

/// <summary>
/// The deals grid's "Export" menu, in both languages: with a status filter chosen, the CSV download holds the rows the
/// grid counts, every one in that status, in the reader's language, with the byte-order mark Excel needs.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class ExportTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("zh-CN", "已通过")]
    [InlineData("en", "Approved")]
    public async Task The_deals_grid_downloads_what_its_filter_shows(string locale, string approved)
    {
        var page = await fixture.NewPageAsync(locale);
        await page.SignInAsync("manager@channels.local");
        await page.WaitForInteractiveAsync();
        await page.GotoAsync("/deals");
        await page.WaitForInteractiveAsync();
        await page.ClickAsync("[data-testid='deals-status-filter']");
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = approved }).First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid='deals-grid'] tbody tr").First).ToContainTextAsync(approved);
        await page.WaitForSettledAsync();

        // The grid's caption ("1-4 of 4" / "第 1-4 条，共 4 条") counts the filtered list once the filter has applied: the
        // first row can show the status before the caption has caught up, so wait for the caption to say the total.
        var manager = await TestUsers.ForAsync(fixture.App, "manager@channels.local");
        var listed = await fixture.App.Services.GetRequiredService<DealQueries>().ListAsync(manager, new DealFilter(DealStatus.Approved), new PageRequest(0, 1, null, true));
        await Assertions.Expect(page.Locator("[data-testid='deals-grid'] .mud-table-pagination-caption[translate='no']"))
            .ToHaveTextAsync(new System.Text.RegularExpressions.Regex($@"\D{listed.TotalCount}\D*$"));

        await page.Locator("[data-testid='export-menu'] button").First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid='export-csv']")).ToBeVisibleAsync();
        await page.ScreenshotAsync($"deals-export-menu-{(locale == "en" ? "en" : "zh")}");
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-testid='export-csv']").ClickAsync());

        Assert.Matches(@"^deals-\d{8}\.csv$", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var rows = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Contains($",{approved},", r, StringComparison.Ordinal));
        // The file holds the list's whole filtered total, which the grid's caption showed before the download.
        Assert.Equal(listed.TotalCount, rows.Count);
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/deals$"));
    }
}
