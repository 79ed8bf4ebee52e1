using System.Text.Encodings.Web;
using System.Text.Json;
using Portal.Domain.Notifications;

namespace Portal.Features.Notifications;

/// <summary>
/// What an event tells its readers: the kind, the page it opens, and the values its sentences name. One notice is
/// written as one <see cref="Notification"/> per reader by <see cref="NotificationOutbox"/>.
/// </summary>
/// <param name="Kind">What it tells.</param>
/// <param name="Link">The portal page it opens, relative (e.g. <c>/deals/42</c>).</param>
/// <param name="Arguments">The values its sentences name, by placeholder (<c>customer</c>, <c>agent</c>, <c>days</c>…).</param>
/// <param name="OnceKey">For notices that must reach each reader at most once (reminders), the key that says so.</param>
public sealed record Notice(NotificationKind Kind, string Link, IReadOnlyDictionary<string, string> Arguments, string? OnceKey = null)
{
    // Chinese kept as written (not \uXXXX escapes): a name costs one character of the stored arguments, not six.
    private static readonly JsonSerializerOptions Stored = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The arguments as the notification row stores them.</summary>
    public string StoredArguments => JsonSerializer.Serialize(Arguments, Stored);
}
