using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Portal.Data;

namespace Portal.Features;

/// <summary>
/// What the price list is built from, in five numbers: how many price and discount versions there are and the
/// newest id of each, and how many products are on sale. Versions are only ever added (a price change is a new
/// version), so any change to the list changes the stamp.
/// </summary>
internal readonly record struct CatalogStamp(long Prices, long LastPrice, long Discounts, long LastDiscount, long ActiveProducts)
{
    /// <summary>
    /// The stamp's one query, in each engine's quoting: plain identifiers for SQLite and SQL Server, double-quoted ones
    /// for PostgreSQL (which folds unquoted names to lower case) and its boolean literal.
    /// </summary>
    public static string Sql(DatabaseProvider provider) => provider == DatabaseProvider.PostgreSql
        ? "SELECT (SELECT COUNT(*) FROM \"ProductPrices\"), (SELECT COALESCE(MAX(\"Id\"), 0) FROM \"ProductPrices\"), " +
          "(SELECT COUNT(*) FROM \"TierDiscounts\"), (SELECT COALESCE(MAX(\"Id\"), 0) FROM \"TierDiscounts\"), " +
          "(SELECT COUNT(*) FROM \"Products\" WHERE \"IsActive\")"
        : "SELECT (SELECT COUNT(*) FROM ProductPrices), (SELECT COALESCE(MAX(Id), 0) FROM ProductPrices), " +
          "(SELECT COUNT(*) FROM TierDiscounts), (SELECT COALESCE(MAX(Id), 0) FROM TierDiscounts), " +
          "(SELECT COUNT(*) FROM Products WHERE IsActive = 1)";

    /// <summary>Reads the stamp on the context's connection, inside its transaction if one is open.</summary>
    public static async Task<CatalogStamp> ReadAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var command = db.Database.GetDbConnection().CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = Sql(DatabaseProviders.Of(db.Database));
                command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                    return new CatalogStamp(Number(reader, 0), Number(reader, 1), Number(reader, 2), Number(reader, 3), Number(reader, 4));
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    private static long Number(System.Data.Common.DbDataReader reader, int ordinal) =>
        Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture);
}
