using Portal.Features.Compliance;

// In the namespace of FeatureRegistration, so that registering the area there is one line.
namespace Portal.Features;

public static class ComplianceRegistration
{
    /// <summary>The compliance services: cases and investigation, penalties and appeals, and the case queries.</summary>
    public static IServiceCollection AddCompliance(this IServiceCollection services)
    {
        services.AddScoped<ViolationCaseService>();
        services.AddScoped<PenaltyService>();
        services.AddScoped<ViolationCaseQueries>();
        services.AddSingleton<ReportThrottle>();
        return services;
    }
}
