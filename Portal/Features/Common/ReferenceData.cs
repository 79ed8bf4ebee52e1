using Microsoft.EntityFrameworkCore;
using Portal.Domain.Pricing;
using Portal.Domain.Regions;

namespace Portal.Features;

/// <summary>
/// The slow-changing reference data every rule needs: the region table (static, loaded once) and the price list
/// (read per operation: it is a handful of rows and a new price version must apply at once).
/// </summary>
public sealed class ReferenceData(PortalData data)
{
    private Task<IReadOnlyDictionary<string, Region>>? _regions;

    /// <summary>The region table, read once (a concurrent first call may read it twice, harmlessly).</summary>
    public Task<IReadOnlyDictionary<string, Region>> RegionsAsync() => _regions ??= LoadRegionsAsync();

    private async Task<IReadOnlyDictionary<string, Region>> LoadRegionsAsync()
    {
        await using var db = await data.ForRulesAsync().ConfigureAwait(false);
        return await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Code, StringComparer.Ordinal).ConfigureAwait(false);
    }

    public static async Task<PriceList> PriceListAsync(Data.PortalDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var products = await db.Products.AsNoTracking().Include(p => p.Prices).ToListAsync(cancellationToken).ConfigureAwait(false);
        var discounts = await db.TierDiscounts.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        return PriceList.From(products, discounts);
    }
}
