using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace Portal.Tests.Browser;

/// <summary>One WCAG finding of axe-core on a page: the rule, how bad, what it asks for, and the first elements that fail it.</summary>
public sealed record AxeFinding
{
    public string Id { get; init; } = string.Empty;

    public string Impact { get; init; } = string.Empty;

    public string Help { get; init; } = string.Empty;

    public string[] Nodes { get; init; } = [];
}

/// <summary>
/// axe-core, the accessibility engine (the npm package as Deque bundles it for .NET), run inside the page. The script
/// is evaluated through the browser's protocol, which the portal's Content-Security-Policy (no inline scripts) does
/// not govern, so the portal needs no exception for it.
/// </summary>
public static class Axe
{
    private static readonly string Source = new BundledAxeScriptProvider().GetScript();

    /// <summary>The WCAG 2.0/2.1 level A and AA rules that fail on the page as it is now.</summary>
    public static async Task<IReadOnlyList<AxeFinding>> WcagAaFindingsAsync(this IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(Source);
        }

        return await page.EvaluateAsync<AxeFinding[]>(
            """
            async () => (await axe.run(document, {
                runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
                resultTypes: ['violations'],
            })).violations.map(v => ({
                id: v.id,
                impact: v.impact ?? 'unknown',
                help: v.help,
                nodes: v.nodes.slice(0, 4).map(n => n.html.slice(0, 200)),
            }))
            """);
    }
}
