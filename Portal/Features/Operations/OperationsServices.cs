namespace Portal.Features.Operations;

public static class OperationsServices
{
    /// <summary>
    /// The expiry job and the background worker that runs it (settings: the <c>Operations</c> section), and the
    /// background checkpoints of the SQLite log.
    /// </summary>
    public static IServiceCollection AddOperations(this IServiceCollection services)
    {
        services.AddOptions<ExpiryJobOptions>().BindConfiguration(ExpiryJobOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ExpiryJob>();
        services.AddHostedService<ExpiryWorker>();
        services.AddSingleton<SqliteCheckpoints>();
        services.AddHostedService(sp => sp.GetRequiredService<SqliteCheckpoints>());
        return services;
    }
}
