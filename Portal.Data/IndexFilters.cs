using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace Portal.Data;

/// <summary>
/// The filters of partial unique indexes (one open protection per customer, one reminder per once-key) are written once,
/// with square-bracket quoting, which SQLite and SQL Server both read. PostgreSQL quotes identifiers with double quotes,
/// so on it each filter is rewritten when the model is built: the same index, the same invariant, on every engine.
/// </summary>
internal static partial class IndexFilters
{
    public static void QuoteForProvider(ModelBuilder builder, DatabaseProvider provider)
    {
        if (provider != DatabaseProvider.PostgreSql)
        {
            return;
        }

        foreach (var index in builder.Model.GetEntityTypes().SelectMany(e => e.GetDeclaredIndexes()))
        {
            if (index.GetFilter() is { } filter)
            {
                index.SetFilter(Bracketed().Replace(filter, "\"$1\""));
            }
        }
    }

    [GeneratedRegex(@"\[([A-Za-z_][A-Za-z0-9_]*)\]")]
    private static partial Regex Bracketed();
}
