using Portal.Features.Compliance;

// In the namespace of FeatureServices, so that registering the area there is one line.
namespace Portal.Features;

public static class ComplianceServices
{
    /// <summary>The compliance services: cases, investigators and evidence files, automatic detection, penalties and appeals, and the case queries.</summary>
    public static IServiceCollection AddCompliance(this IServiceCollection services)
    {
        services.AddSingleton<CaseTransition>();
        services.AddSingleton<ViolationCaseService>();
        services.AddSingleton<CaseEvidenceService>();
        services.AddSingleton<Investigators>();
        services.AddSingleton<CaseServices>();
        services.AddSingleton<ViolationDetection>();
        services.AddSingleton<PenaltyService>();
        services.AddSingleton<CaseNotices>();
        services.AddSingleton<ViolationCaseQueries>();
        services.AddSingleton<ReportLimit>();
        return services;
    }
}
