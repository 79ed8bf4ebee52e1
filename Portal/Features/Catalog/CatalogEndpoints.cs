using Portal.Auth;

namespace Portal.Features.Catalog;

public sealed record ProductResponse(string Sku, string NameZh, string NameEn, string Unit, decimal UniformPrice, DateTime EffectiveFrom, decimal? PurchasePrice);

public static class CatalogEndpoints
{
    public static RouteGroupBuilder MapCatalogEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/products", async (HttpContext http, PriceListService prices, CancellationToken ct) =>
            {
                var rows = await prices.GetAsync(CurrentUser.From(http.User)!, ct).ConfigureAwait(false);
                return TypedResults.Ok(rows.Select(r => new ProductResponse(r.Sku, r.NameZh, r.NameEn, r.UnitEn, r.UniformPrice, r.EffectiveFrom, r.PurchasePrice)).ToList());
            })
            .RequireAuthorization(PortalPolicies.ReadPrices)
            .WithTags("Catalog")
            .WithName("ListProducts")
            .WithSummary("The price list: uniform national prices and, for a reseller, its purchase price")
            .Produces<List<ProductResponse>>();
        return api;
    }
}
