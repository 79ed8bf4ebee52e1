using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data.Identity;
using Portal.Domain.Agents;

namespace Portal.Features.Catalog;

/// <summary>A product's uniform price in force now and, for a reseller, what its tier pays.</summary>
public sealed record PriceListRow(string Sku, string NameZh, string NameEn, string UnitZh, string UnitEn, decimal UniformPrice, DateTime EffectiveFrom, decimal? DiscountRate, decimal? PurchasePrice);

public sealed class PriceListService(PortalData data, BusinessClock clock)
{
    public async Task<IReadOnlyList<PriceListRow>> GetAsync(CurrentUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        AccessDeniedException.UnlessMay(user, PortalPolicies.ReadPrices);

        await using var db = await data.ForAsync(user, cancellationToken).ConfigureAwait(false);
        var now = clock.Now;
        var products = await db.Products.AsNoTracking().Include(p => p.Prices).Where(p => p.IsActive).OrderBy(p => p.Sku).ToListAsync(cancellationToken).ConfigureAwait(false);

        Domain.Catalog.TierDiscount? discount = null;
        if (user.IsInRole(PortalRoles.Reseller) && Enum.TryParse<AgentTier>(user.AgentTier, out var tier))
        {
            var discounts = await db.TierDiscounts.AsNoTracking().Where(d => d.Tier == tier).ToListAsync(cancellationToken).ConfigureAwait(false);
            discount = discounts.Where(d => d.EffectiveFrom <= now).MaxBy(d => d.EffectiveFrom);
        }

        return products
            .Select(p => (Product: p, Price: p.PriceAt(now)))
            .Where(x => x.Price is not null)
            .Select(x => new PriceListRow(
                x.Product.Sku, x.Product.NameZh, x.Product.NameEn, x.Product.UnitZh, x.Product.UnitEn,
                x.Price!.UniformPrice, x.Price.EffectiveFrom, discount?.Rate, discount?.PurchasePrice(x.Price.UniformPrice)))
            .ToList();
    }
}
