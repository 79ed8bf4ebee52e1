namespace Portal.Components.Common;

/// <summary>
/// One page of a server-side query and how many rows match: exactly, or — when <see cref="TotalIsLowerBound"/> — at
/// least <see cref="TotalCount"/> (a large list is counted only up to a bound, ADR 43).
/// </summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int TotalCount, bool TotalIsLowerBound = false)
{
    /// <summary>The count as a badge shows it: "1000+" past the bound.</summary>
    public string TotalText => TotalIsLowerBound ? $"{TotalCount.ToString(System.Globalization.CultureInfo.InvariantCulture)}+" : TotalCount.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>What a grid asks for: a page, a sort column, a direction.</summary>
public sealed record PageRequest(int Page, int PageSize, string? SortBy, bool Descending)
{
    public const int MaxPageSize = 200;

    public int Skip => Math.Max(0, Page) * Take;

    public int Take => Math.Clamp(PageSize, 1, MaxPageSize);
}
