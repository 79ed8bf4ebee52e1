namespace Portal.Components.Common;

/// <summary>One page of a server-side query and the total number of matching rows.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int TotalCount);

/// <summary>What a grid asks for: a page, a sort column, a direction.</summary>
public sealed record PageRequest(int Page, int PageSize, string? SortBy, bool Descending)
{
    public const int MaxPageSize = 200;

    public int Skip => Math.Max(0, Page) * Take;

    public int Take => Math.Clamp(PageSize, 1, MaxPageSize);
}
