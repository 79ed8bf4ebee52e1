using System.Text.RegularExpressions;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Unit;

/// <summary>
/// Business time (ADR 16) holds only if nothing goes around it: no source of the portal reads the server's own zone or
/// the wall clock directly — times come from the registered <see cref="TimeProvider"/> and are shown in the business zone — and no
/// test reads the wall clock, so none depends on the hour it runs at.
/// </summary>
public sealed partial class WallClockTests
{
    private static readonly string RepositoryRoot = SourceFiles.Root;

    [Theory]
    [InlineData("Portal")]
    [InlineData("Portal.Domain")]
    [InlineData("Portal.Data")]
    [InlineData("Portal.Tests")]
    public void No_source_reads_the_server_zone_or_the_wall_clock(string project)
    {
        var readers = SourceFiles.Of(Path.Combine(RepositoryRoot, project))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => WallClock().IsMatch(l.Text) && !IsCookieExpiry(l.Text))
            .Select(l => $"{Path.GetRelativePath(RepositoryRoot, l.File)}:{l.Line}")
            .ToList();

        Assert.Empty(readers);
    }

    // A browser cookie's lifetime is the browser's business, not the channel's: it is an HTTP date in any zone.
    private static bool IsCookieExpiry(string line) => line.Contains("CookieOptions", StringComparison.Ordinal);

    [GeneratedRegex(@"ToLocalTime\(|DateTime\.(Today|Now|UtcNow)\b|DateTimeOffset\.(Now|UtcNow)\b|TimeZoneInfo\.Local\b")]
    private static partial Regex WallClock();
}
