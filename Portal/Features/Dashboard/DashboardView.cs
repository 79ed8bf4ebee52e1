namespace Portal.Features.Dashboard;

/// <summary>
/// What one user's dashboard shows: its headline figures and its charts, every figure with the address of the list
/// filtered to what it counts (ADR 31). Labels are string-table keys, so the page and an API client show them in the
/// reader's language.
/// </summary>
public sealed record DashboardView(string? Role, IReadOnlyList<Headline> Headlines, IReadOnlyList<DashboardChart> Charts)
{
    public static DashboardView Empty(string? role) => new(role, [], []);
}

/// <summary>
/// One headline figure. <see cref="Key"/> names its label; <see cref="Href"/> the list it counts (for an amount of money,
/// <see cref="IsMoney"/>, the list of the records it sums).
/// </summary>
public sealed record Headline(string Key, decimal Value, string Href, bool IsMoney = false);

/// <summary>
/// A chart: categories along its axis (a China week by its Monday, or a label key), series stacked on each, and every
/// bar segment's count with its list's address. <see cref="Stacked"/> when the series add up to each category's total.
/// </summary>
public sealed record DashboardChart(string Key, IReadOnlyList<ChartCategory> Categories, IReadOnlyList<ChartSeriesView> Series, bool Stacked);

/// <summary>A category: a week by its Monday (<see cref="Week"/>), or a label key (<see cref="Key"/>).</summary>
public sealed record ChartCategory(string? Key, DateOnly? Week = null);

/// <summary>One series: its label key and a point for each category, in the categories' order.</summary>
public sealed record ChartSeriesView(string Key, IReadOnlyList<ChartPoint> Points);

/// <summary>A bar segment: its count and the list filtered to the rows it counts.</summary>
public sealed record ChartPoint(long Value, string Href);
