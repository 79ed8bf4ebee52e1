using System.ComponentModel.DataAnnotations;

namespace Portal.Features.Notifications;

/// <summary>How the portal sends e-mail (the <c>Mail</c> section). Without a host, mail is off and notices stay in the portal.</summary>
public sealed class MailOptions
{
    public const string SectionName = "Mail";

    /// <summary>The SMTP server; empty turns e-mail off.</summary>
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary><c>None</c>, <c>StartTls</c> (default), <c>SslOnConnect</c> or <c>Auto</c>.</summary>
    public string Security { get; set; } = "StartTls";

    /// <summary>The From address, e.g. <c>channels@vendor.example</c>.</summary>
    public string Sender { get; set; } = "channels@localhost";

    public string SenderName { get; set; } = "Channels";

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>Tries per message before it is marked failed; waits double from <see cref="FirstRetrySeconds"/>.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 6;

    [Range(1, 3600)]
    public int FirstRetrySeconds { get; set; } = 30;

    /// <summary>Seconds between two looks at the outbox when it was empty.</summary>
    [Range(1, 3600)]
    public int PollSeconds { get; set; } = 10;

    /// <summary>The portal's public address (e.g. <c>https://channels.vendor.example</c>): e-mails link to the notice's page under it.</summary>
    public string? PortalUrl { get; set; }

    /// <summary>Whether this instance's mail worker sends in the background (tests turn it off and send at explicit instants).</summary>
    public bool RunInBackground { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);
}
