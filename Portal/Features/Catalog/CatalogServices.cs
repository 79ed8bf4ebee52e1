namespace Portal.Features.Catalog;

public static class CatalogServices
{
    /// <summary>The price list: what is in force, its versions and their acknowledgements, retired products.</summary>
    public static IServiceCollection AddCatalog(this IServiceCollection services)
    {
        services.AddSingleton<PriceListService>();
        services.AddSingleton<PriceVersions>();
        services.AddSingleton<PriceVersionQueries>();
        services.AddScoped<AcknowledgementSignal>();
        return services;
    }
}
