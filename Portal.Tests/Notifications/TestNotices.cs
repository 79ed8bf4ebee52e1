using Portal.Domain.Notifications;
using Portal.Features;
using Portal.Features.Notifications;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Notifications;

/// <summary>Notices written straight through the outbox, as a use case writes them: "the registration of {customer} was approved".</summary>
public static class TestNotices
{
    public static Notice Approved(string customer, string link = "/deals/1") =>
        new(NotificationKind.RegistrationDecided, link, new Dictionary<string, string> { ["customer"] = customer, ["outcome"] = "@DealStatus_Approved", ["reason"] = "@Notice_RegistrationDecided_Protected" });

    /// <summary>Writes <paramref name="notice"/> to <paramref name="readers"/> in one committed unit.</summary>
    public static Task<int> WriteAsync(PortalAppFactory app, IReadOnlyCollection<string> readers, Notice notice)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Service<ChannelWrites>().RunUnitAsync("Notify", async (db, ct) =>
        {
            await app.Service<NotificationOutbox>().ToUsersAsync(db, readers, notice, ct);
            return 0;
        });
    }
}
