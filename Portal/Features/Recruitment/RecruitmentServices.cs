namespace Portal.Features.Recruitment;

public static class RecruitmentServices
{
    /// <summary>Recruitment: sub-agent applications, the vendor's decisions on them, and direct signing.</summary>
    public static IServiceCollection AddRecruitment(this IServiceCollection services)
    {
        services.AddSingleton<AgentRecruitment>();
        services.AddSingleton<AgentApplications>();
        return services;
    }
}
