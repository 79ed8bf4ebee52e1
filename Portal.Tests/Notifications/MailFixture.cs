using Portal.Tests.Infrastructure;

namespace Portal.Tests.Notifications;

/// <summary>A portal whose e-mail goes to an SMTP server on a port of its own (started by the tests that need it), without TLS.</summary>
public sealed class MailFixture : PortalAppFixture
{
    public int SmtpPort { get; } = TestSmtpServer.FreePort();

    protected override IReadOnlyDictionary<string, string>? Settings => new Dictionary<string, string>
    {
        ["Mail:Host"] = "127.0.0.1",
        ["Mail:Port"] = SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail:Security"] = "None",
        ["Mail:Sender"] = "channels@vendor.example",
        ["Mail:PortalUrl"] = "https://channels.vendor.example",
        ["Mail:FirstRetrySeconds"] = "30",
        ["Mail:MaxAttempts"] = "3",
    };
}
