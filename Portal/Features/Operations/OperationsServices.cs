namespace Portal.Features.Operations;

public static class OperationsServices
{
    /// <summary>
    /// The expiry job and the background worker that runs it (settings: the <c>Operations</c> section), and the
    /// background checkpoints of the SQLite log, each under its lease in the database (ADR 36).
    /// </summary>
    public static IServiceCollection AddOperations(this IServiceCollection services)
    {
        services.AddOptions<ExpiryJobOptions>().BindConfiguration(ExpiryJobOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<LeaseOptions>().BindConfiguration(LeaseOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<InstanceOptions>().BindConfiguration(InstanceOptions.SectionName);
        services.AddSingleton<BackgroundLeases>();
        services.AddSingleton<ExpiryJob>();
        services.AddHostedService<ExpiryWorker>();
        services.AddSingleton<SqliteCheckpoints>();
        services.AddHostedService(sp => sp.GetRequiredService<SqliteCheckpoints>());
        return services;
    }
}
