using Portal.Components.Common;
using Portal.Domain.Common;

namespace Portal.Api;

/// <summary>
/// The paging part of every list endpoint, as the query string sends it: <c>page</c> (from 0), <c>pageSize</c>
/// (1–200, default 50), <c>sortBy</c> (a column the list sorts by), <c>descending</c> (default true). Every value is
/// checked like any input: a wrong one is a 400 with its field, never a binding exception.
/// </summary>
public static class ListQuery
{
    /// <summary>The highest page number asked for (beyond it every list is empty).</summary>
    public const int MaxPage = 1_000_000;

    public static PageRequest Page(InputCheck check, string? page, string? pageSize, string? sortBy, string? descending, IReadOnlyCollection<string> sortable)
    {
        ArgumentNullException.ThrowIfNull(check);
        return new PageRequest(
            check.OptionalWholeNumber("page", page, 0, MaxPage) ?? 0,
            check.OptionalWholeNumber("pageSize", pageSize, 1, PageRequest.MaxPageSize) ?? 50,
            check.OptionalOneOf("sortBy", sortBy, sortable),
            check.OptionalFlag("descending", descending) ?? true);
    }
}
