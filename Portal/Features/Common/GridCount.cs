using Microsoft.EntityFrameworkCore;
using Portal.Components.Common;

namespace Portal.Features;

/// <summary>
/// How many rows a list's filter finds, counted only up to <see cref="Limit"/> (ADR 43): the count stops at the bound,
/// so its cost does not grow with the channel. Past the bound the list says "more than 1 000" and pages within it.
/// </summary>
public static class GridCount
{
    public const int Limit = 1_000;

    /// <summary>
    /// The <paramref name="page"/> of <paramref name="items"/> read, with the count of what <paramref name="matching"/>
    /// finds: a page that came back short ends the list, so it gives the count exactly without a query.
    /// </summary>
    public static async Task<PagedResult<T>> PageAsync<TRow, T>(IQueryable<TRow> matching, PageRequest page, IReadOnlyList<T> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(matching);
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count < page.Take && (items.Count > 0 || page.Skip == 0))
        {
            return new PagedResult<T>(items, page.Skip + items.Count);
        }

        var count = await matching.Take(Limit + 1).CountAsync(cancellationToken).ConfigureAwait(false);
        return count > Limit ? new PagedResult<T>(items, Limit, TotalIsLowerBound: true) : new PagedResult<T>(items, count);
    }
}
