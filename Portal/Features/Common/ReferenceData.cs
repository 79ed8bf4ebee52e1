using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Seed;
using Portal.Domain.Pricing;
using Portal.Domain.Regions;

namespace Portal.Features;

/// <summary>
/// The slow-changing reference data every rule needs: the region table (static, loaded once) and the price list.
/// The price list is kept in memory and checked against the database on every use: a new price or discount version
/// applies at once, whoever added it, while the list itself is read again only when one was added (ADR 14).
/// </summary>
public sealed class ReferenceData(PortalData data, BusinessClock clock)
{
    private Task<IReadOnlyDictionary<string, Region>>? _regions;
    private Task<RegionSearch>? _regionSearch;
    private CachedPriceList? _prices;

    /// <summary>The region table, read once (a concurrent first call may read it twice, harmlessly).</summary>
    public Task<IReadOnlyDictionary<string, Region>> RegionsAsync() => _regions ??= LoadRegionsAsync();

    /// <summary>
    /// The region table as the region pickers search it, with the pinyin initials of the shipped region list
    /// (<see cref="RegionFile.Initials"/>); built once, like the table.
    /// </summary>
    public Task<RegionSearch> RegionSearchAsync() => _regionSearch ??= LoadRegionSearchAsync();

    /// <summary>
    /// The price list as <paramref name="db"/> sees it now (inside a use case's transaction: as of its lock). One
    /// small query compares the catalogue's stamp with the list in memory; the list is rebuilt when they differ.
    /// </summary>
    public async Task<PriceList> PriceListAsync(PortalDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var stamp = await CatalogStamp.ReadAsync(db, cancellationToken).ConfigureAwait(false);
        if (_prices is { } cached && cached.Stamp == stamp)
        {
            return cached.List;
        }

        var products = await db.Products.AsNoTracking().Include(p => p.Prices).ToListAsync(cancellationToken).ConfigureAwait(false);
        var discounts = await db.TierDiscounts.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        var list = PriceList.From(products, discounts, clock.Calendar);
        _prices = new CachedPriceList(stamp, list);
        return list;
    }

    private async Task<IReadOnlyDictionary<string, Region>> LoadRegionsAsync()
    {
        await using var db = await data.ForRulesAsync().ConfigureAwait(false);
        return await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Code, StringComparer.Ordinal).ConfigureAwait(false);
    }

    private async Task<RegionSearch> LoadRegionSearchAsync() =>
        new((await RegionsAsync().ConfigureAwait(false)).Values, RegionFile.Initials());

    private sealed record CachedPriceList(CatalogStamp Stamp, PriceList List);
}
