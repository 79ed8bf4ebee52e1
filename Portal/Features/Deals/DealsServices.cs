namespace Portal.Features.Deals;

public static class DealsServices
{
    public static IServiceCollection AddDeals(this IServiceCollection services)
    {
        services.AddSingleton<DealRegistrationService>();
        services.AddSingleton<DealLifecycleService>();
        services.AddSingleton<DealReviewService>();
        services.AddSingleton<DealQueries>();
        services.AddSingleton<AvailabilityLimit>();
        return services;
    }
}
