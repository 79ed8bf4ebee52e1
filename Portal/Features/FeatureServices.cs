using Portal.Data.Seed;
using Portal.Features.Admin;
using Portal.Features.Agents;
using Portal.Features.Audit;
using Portal.Features.Authorizations;
using Portal.Features.Catalog;
using Portal.Features.Customers;
using Portal.Features.Dashboard;
using Portal.Features.Deals;
using Portal.Features.Notifications;
using Portal.Features.Operations;
using Portal.Features.Recruitment;

namespace Portal.Features;

public static class FeatureServices
{
    /// <summary>
    /// The application services: one or a few per area, each stateless and creating its own context per operation, so
    /// every one is a singleton (the demo seeder, which works inside one scope's Identity stores, is the exception).
    /// </summary>
    public static IServiceCollection AddPortalFeatures(this IServiceCollection services)
    {
        services.AddScoped<DemoDataSeeder>();
        services.AddSingleton<PortalData>();
        services.AddSingleton<AuditTrail>();
        services.AddNotifications();
        services.AddSingleton<ChannelWrites>();
        services.AddSingleton<ReferenceData>();
        services.AddSingleton<BusinessClock>();
        services.AddSingleton<ProtectionLedger>();
        services.AddChannelPolicy();
        services.AddDeals();
        services.AddSingleton<DashboardService>();
        services.AddCatalog();
        services.AddAgents();
        services.AddSingleton<AuditLogService>();
        services.AddSingleton<AuditCheckpoints>();
        services.AddSingleton<UserDirectory>();
        services.AddSingleton<UserAdministration>();
        services.AddCompliance();
        services.AddAuthorizations();
        services.AddRecruitment();
        services.AddCustomers();
        services.AddSingleton<Import.ChannelImport>();
        services.AddSingleton<Review.ReviewContextQueries>();
        services.AddSingleton<Exports.ExportWriter>();
        services.AddOperations();
        return services;
    }
}
