namespace Portal.Features.Authorizations;

public static class AuthorizationsServices
{
    /// <summary>Cross-region authorizations: the reseller's requests, the manager's decisions, the lists.</summary>
    public static IServiceCollection AddAuthorizations(this IServiceCollection services)
    {
        services.AddSingleton<CrossRegionAuthorizationService>();
        services.AddSingleton<AuthorizationDirectory>();
        return services;
    }
}
