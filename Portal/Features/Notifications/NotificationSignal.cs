namespace Portal.Features.Notifications;

/// <summary>
/// Tells this instance's open pages that notices were committed for some users, so that their bells update at once
/// (one singleton; each bell listens for its own user). Raised by <see cref="ChannelWrites"/> after the commit, never
/// before: a notice whose transaction rolled back is never announced.
/// </summary>
public sealed class NotificationSignal
{
    public event Action<IReadOnlyCollection<string>>? Notified;

    public void Raise(IReadOnlyCollection<string> userIds)
    {
        if (userIds.Count > 0)
        {
            Notified?.Invoke(userIds);
        }
    }
}
