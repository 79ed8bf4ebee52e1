namespace Portal.Features.Agents;

public static class AgentsServices
{
    /// <summary>Agents: the directory, an agent's page and the hierarchy, and the ChannelManager's administration.</summary>
    public static IServiceCollection AddAgents(this IServiceCollection services)
    {
        services.AddSingleton<AgentDirectory>();
        services.AddSingleton<AgentDetails>();
        services.AddSingleton<AgentActivityQueries>();
        services.AddSingleton<AgentAdministration>();
        return services;
    }
}
