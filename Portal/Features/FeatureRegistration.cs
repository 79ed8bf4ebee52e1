using Portal.Data.Seed;
using Portal.Features.Agents;
using Portal.Features.Audit;
using Portal.Features.Authorizations;
using Portal.Features.Catalog;
using Portal.Features.Customers;
using Portal.Features.Dashboard;
using Portal.Features.Deals;
using Portal.Features.Admin;
using Portal.Features.Operations;
using Portal.Features.Recruitment;

namespace Portal.Features;

public static class FeatureRegistration
{
    /// <summary>The application services: one per area, each creating its own context per operation.</summary>
    public static IServiceCollection AddPortalFeatures(this IServiceCollection services)
    {
        services.AddScoped<DemoDataSeeder>();
        services.AddSingleton<PortalData>();
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<ChannelWrites>();
        services.AddSingleton<ReferenceData>();
        services.AddChannelPolicy();
        services.AddDeals();
        services.AddSingleton<DashboardService>();
        services.AddSingleton<PriceListService>();
        services.AddAgents();
        services.AddSingleton<AuditLogService>();
        services.AddSingleton<UserDirectory>();
        services.AddSingleton<UserAdministration>();
        services.AddCompliance();
        services.AddAuthorizations();
        services.AddRecruitment();
        services.AddCustomers();
        services.AddOperations();
        return services;
    }
}
