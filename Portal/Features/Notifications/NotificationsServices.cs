namespace Portal.Features.Notifications;

public static class NotificationsServices
{
    /// <summary>The outbox every use case writes its notices to, and the signal that updates open pages' bells (settings: the <c>Mail</c> section).</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<NotificationSignal>();
        services.AddSingleton<NotificationOutbox>();
        services.AddSingleton<NotificationInbox>();
        services.AddSingleton<MailWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<MailWorker>());
        return services;
    }
}
