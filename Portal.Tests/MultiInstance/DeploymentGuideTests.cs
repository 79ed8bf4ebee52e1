using Portal.Tests.Infrastructure;

namespace Portal.Tests.MultiInstance;

/// <summary>The deployment guide shows the nginx configuration the two-instance tests run, not a copy that drifted.</summary>
public sealed class DeploymentGuideTests
{
    /// <summary>The guide's instances and certificate, in place of the test's loopback ports.</summary>
    public const string Servers = "    server 10.0.0.11:8080 max_fails=1 fail_timeout=10s;\n    server 10.0.0.12:8080 max_fails=1 fail_timeout=10s;";

    public const string Tls = "ssl_certificate     /etc/nginx/tls/channels.vendor.example.crt;\nssl_certificate_key /etc/nginx/tls/channels.vendor.example.key;";

    [Fact]
    public void The_guide_shows_the_nginx_configuration_the_two_instance_tests_run()
    {
        var guide = File.ReadAllText(Path.Combine(SourceFiles.Root, "docs", "deployment.md")).ReplaceLineEndings("\n");

        var expected = NginxProxy.Http(string.Empty, Servers, "443 ssl", Tls);

        Assert.True(guide.Contains(expected, StringComparison.Ordinal), "docs/deployment.md should show, verbatim:\n" + expected);
    }

    [Fact]
    public void The_readme_links_the_guide_from_its_configuration_section()
    {
        var readme = File.ReadAllText(Path.Combine(SourceFiles.Root, "README.md"));
        var configuration = readme[readme.IndexOf("## Configuration", StringComparison.Ordinal)..];
        configuration = configuration[..configuration.IndexOf("\n## ", 3, StringComparison.Ordinal)];

        Assert.Contains("(docs/deployment.md)", configuration, StringComparison.Ordinal);
    }
}
