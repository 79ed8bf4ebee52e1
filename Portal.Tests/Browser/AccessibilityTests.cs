using Portal.Tests.Infrastructure;

namespace Portal.Tests.Browser;

/// <summary>
/// WCAG 2.1 A and AA on every page (GB/T 37668 follows WCAG): axe-core runs on every routed page of the portal — the
/// access-matrix test's list, so a page added later is checked without a line written for it — in both languages, as
/// a user who may open it, and no serious or critical finding is allowed.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class AccessibilityTests(BrowserFixture fixture)
{
    private const string Anyone = "anyone";

    // Who checks each page: the first of these who may open it (a Core agent's reseller sees every reseller page).
    private static readonly (string Email, string Role, string? Tier)[] Checkers =
    [
        ("gz@channels.local", "Reseller", "Core"),
        ("manager@channels.local", "ChannelManager", null),
        ("compliance@channels.local", "Compliance", null),
        ("admin@channels.local", "Admin", null),
    ];

    public static TheoryData<string, string> Visits()
    {
        var visits = new TheoryData<string, string>();
        foreach (var checker in PortalPages.All.Select(CheckerOf).Distinct())
        {
            visits.Add(checker, "zh-CN");
            visits.Add(checker, "en");
        }

        return visits;
    }

    [Theory]
    [MemberData(nameof(Visits))]
    public async Task Every_page_has_no_serious_or_critical_wcag_finding(string checker, string locale)
    {
        var page = await fixture.NewPageAsync(locale);
        if (checker != Anyone)
        {
            await page.SignInAsync(checker);
            await page.WaitForInteractiveAsync();
        }

        var findings = new List<string>();
        foreach (var visited in PortalPages.All.Where(p => CheckerOf(p) == checker))
        {
            await page.GotoAsync(visited.SamplePath);
            await page.WaitForSettledAsync();
            findings.AddRange((await page.WcagAaFindingsAsync())
                .Where(f => f.Impact is "serious" or "critical")
                .Select(f => $"{visited.Route} [{locale}] {f.Id} ({f.Impact}): {f.Help} — {string.Join(" | ", f.Nodes)}"));
        }

        Assert.True(findings.Count == 0, string.Join(Environment.NewLine, findings));
    }

    [Fact]
    public async Task The_check_finds_what_a_screen_reader_user_would_stumble_on()
    {
        var page = await fixture.NewPageAsync("en");
        await page.SetContentAsync("""<html lang="en"><head><title>t</title></head><body><main><button></button><p style="color:#aaa;background:#fff">faint</p></main></body></html>""");

        var found = (await page.WcagAaFindingsAsync()).Select(f => (f.Id, f.Impact)).ToList();

        Assert.Contains(("button-name", "critical"), found);
        Assert.Contains(("color-contrast", "serious"), found);
    }

    private static string CheckerOf(PortalPage page) =>
        page.Policy is null ? Anyone
            : page.Policy == "(none)" ? Checkers[0].Email
            : Checkers.First(c => PortalPages.Holds(c.Role, c.Tier, page.Policy)).Email;
}
