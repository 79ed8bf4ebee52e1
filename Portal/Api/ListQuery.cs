using Portal.Components.Common;
using Portal.Domain.Common;

namespace Portal.Api;

/// <summary>
/// The paging part of every list endpoint: <c>page</c> (counted from 0), <c>pageSize</c> (1–200, default 50),
/// <c>sortBy</c> (a column the list sorts by), <c>descending</c> (default true). A value out of range is a 400 with
/// its field; a value binding cannot read (a word where a number belongs) is answered the same way by the boundary.
/// </summary>
public static class ListQuery
{
    /// <summary>The highest page number asked for (beyond it every list is empty).</summary>
    public const int MaxPage = 1_000_000;

    public const int DefaultPageSize = 50;

    public const string PageText = "The page to return, counted from 0.";

    public const string PageSizeText = "Rows per page, 1 to 200; 50 when absent.";

    public const string DescendingText = "Sort from the largest value down; true when absent.";


    public static PageRequest Page<TSort>(InputCheck check, HttpRequest request, int? page, int? pageSize, TSort? sortBy, bool? descending)
        where TSort : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(check);
        return new PageRequest(
            check.OptionalWithin("page", page, 0, MaxPage) ?? 0,
            check.OptionalWithin("pageSize", pageSize, 1, PageRequest.MaxPageSize) ?? DefaultPageSize,
            Named(check, request, "sortBy", sortBy)?.ToString(),
            descending ?? true);
    }

    /// <summary>
    /// An enum value of the query string, which is written by its name (the document lists the names): binding also
    /// reads a number ("1"), which names nothing an integrator was told of — INVALID_VALUE, like an unknown name.
    /// </summary>
    public static TEnum? Named<TEnum>(InputCheck check, HttpRequest request, string field, TEnum? value)
        where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(request);
        if (value is null || Enum.GetNames<TEnum>().Contains(request.Query[field].ToString(), StringComparer.OrdinalIgnoreCase))
        {
            return value;
        }

        check.Add(field, ReasonCode.InvalidValue);
        return null;
    }
}
