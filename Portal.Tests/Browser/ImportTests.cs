using System.Text;
using Microsoft.Playwright;
using Portal.Tests.Deals;

namespace Portal.Tests.Browser;

/// <summary>
/// A channel manager imports agents from a file, in both languages: the CSV template downloaded in the page's language,
/// a file with a bad row answered by the dry run's problems (Import stays disabled), the fixed file imported whole.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class ImportTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("zh-CN", 9341)]
    [InlineData("en", 9351)]
    public async Task A_file_with_a_bad_row_is_shown_its_problems_and_once_fixed_is_imported(string locale, int number)
    {
        var zh = locale != "en";
        var code = zh ? "IMP-BR-ZH" : "IMP-BR-EN";
        var page = await fixture.NewPageAsync(locale);
        await page.SignInAsync("manager@channels.local");
        await page.WaitForInteractiveAsync();
        await page.GotoAsync("/import");
        await page.WaitForInteractiveAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid='import-template-csv']"));
        var header = (await File.ReadAllTextAsync((await download.PathAsync())!, Encoding.UTF8)).TrimStart('\uFEFF').Trim();
        Assert.StartsWith(zh ? "编码 (code),企业名称 (legalName)" : "Code (code),Legal name (legalName)", header, StringComparison.Ordinal);

        var name = zh ? "广州浏览器导入科技有限公司" : "Guangzhou Browser Import Tech Co.";
        var good = $"{code}-1,{name},{DealInputs.NewUscc("440106", number)},Tier1,CORE-GZ,440106,,,,,";
        var bad = $"{code}-2,{name}二,{DealInputs.NewUscc("440106", number + 1)},Tier2,CORE-GZ,999999,,,,,";
        await UploadAsync(page, header, good, bad);

        await Assertions.Expect(page.Locator("[data-testid='import-outcome']")).ToContainTextAsync(zh ? "发现 1 个问题" : "found problems: 1 in all");
        var problem = page.Locator("[data-testid='import-problem'][data-row='3']");
        await Assertions.Expect(problem).ToHaveAttributeAsync("data-code", "INVALID_REGION");
        await Assertions.Expect(problem).ToContainTextAsync(zh ? "授权区域 (territory)" : "Territory (territory)");
        await Assertions.Expect(page.Locator("[data-testid='import-submit']")).ToBeDisabledAsync();
        await page.ScreenshotAsync($"manager-import-problems-{(zh ? "zh" : "en")}");

        await UploadAsync(page, header, good, bad.Replace("999999", "440106", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("[data-testid='import-outcome']")).ToContainTextAsync(zh ? "2 行可以导入" : "2 rows are ready");
        await page.ClickAsync("[data-testid='import-submit']");

        await Assertions.Expect(page.Locator("[data-testid='import-outcome']")).ToContainTextAsync(zh ? "已导入 2 个代理商" : "Imported 2 agents");
        await page.ScreenshotAsync($"manager-import-done-{(zh ? "zh" : "en")}");
        await page.GotoAsync($"/agents/{code}-2");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("[data-testid='agent-title']")).ToContainTextAsync($"{code}-2");
    }

    private static Task UploadAsync(IPage page, params string[] lines) =>
        page.SetInputFilesAsync("[data-testid='import-file'] input[type=file]", new FilePayload
        {
            Name = "agents.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n"),
        });
}
