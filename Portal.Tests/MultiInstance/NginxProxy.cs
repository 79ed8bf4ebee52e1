using System.Globalization;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.MultiInstance;

/// <summary>
/// nginx in front of the instances, run as a child process (<c>daemon off</c>) with a configuration generated into a
/// folder of its own: the configuration of docs/deployment.md, with the test's ports and paths.
/// </summary>
public sealed class NginxProxy : LoopbackServer
{
    /// <summary>The response header naming the instance that answered (its address), so a test knows where it landed.</summary>
    public const string UpstreamHeader = "X-Channels-Upstream";

    /// <summary>The cookie that pins a browser to one instance.</summary>
    public const string RouteCookie = "channels_route";

    private readonly TempDirectory _prefix;

    private NginxProxy(TempDirectory prefix, int port, ChildProcess process)
        : base(port, process)
    {
        _prefix = prefix;
    }

    public override string Output => base.Output + "\n" + ReadLog("error.log");

    /// <summary>nginx from <c>NGINX_PATH</c>, else Debian's <c>/usr/sbin/nginx</c>, else the one on the PATH.</summary>
    public static string Executable
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("NGINX_PATH");
            if (!string.IsNullOrEmpty(configured))
            {
                return configured;
            }

            var onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
                .Prepend("/usr/sbin")
                .Select(d => Path.Combine(d, "nginx"))
                .FirstOrDefault(File.Exists);
            return onPath ?? throw new InvalidOperationException("nginx is not installed: scripts/test.sh installs Debian's package nginx (or set NGINX_PATH).");
        }
    }

    public static NginxProxy Start(IEnumerable<PortalProcess> instances)
    {
        var prefix = new TempDirectory();
        try
        {
            var port = PortalProcess.FreePort();
            var configuration = Path.Combine(prefix.Path, "nginx.conf");
            File.WriteAllText(configuration, Configuration(port, instances.Select(i => i.Port), prefix.Path));
            var process = ChildProcess.Start("nginx", Executable, ["-c", configuration, "-p", prefix.Path + "/", "-e", Path.Combine(prefix.Path, "error.log")], prefix.Path);
            return new NginxProxy(prefix, port, process);
        }
        catch
        {
            prefix.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The load balancer's configuration. Sticky sessions: open-source nginx has no <c>sticky</c>, so a browser's first
    /// answer carries a random route cookie (nginx's own <c>$request_id</c>) and every request that carries it — the
    /// pages, the Blazor circuit's WebSocket, its reconnections — is hashed (consistently) to the same instance. A
    /// request that cannot reach its instance (refused, timed out) goes to the next one; the cookie stays, so the
    /// browser stays on the survivor. API clients send no cookie and are spread over the instances.
    /// </summary>
    public static string Configuration(int listenPort, IEnumerable<int> instancePorts, string prefix)
    {
        var servers = string.Join('\n', instancePorts.Select(p => string.Create(CultureInfo.InvariantCulture, $"    server 127.0.0.1:{p} max_fails=1 fail_timeout=10s;")));
        return $$"""
            # Generated for a test run; the same configuration as docs/deployment.md, with its ports and paths.
            daemon off;
            master_process off;
            pid {{prefix}}/nginx.pid;
            error_log {{prefix}}/error.log warn;

            events {
                worker_connections 1024;
            }

            http {
                access_log {{prefix}}/access.log;
                client_body_temp_path {{prefix}}/client_body;
                proxy_temp_path {{prefix}}/proxy;
                fastcgi_temp_path {{prefix}}/fastcgi;
                uwsgi_temp_path {{prefix}}/uwsgi;
                scgi_temp_path {{prefix}}/scgi;

            {{Http("    ", servers, $"127.0.0.1:{listenPort}")}}
            }
            """;
    }

    /// <summary>
    /// The part of the configuration that goes inside <c>http { }</c> — what docs/deployment.md shows, there with TLS
    /// (<paramref name="tls"/>: the certificate's lines after <c>listen</c>).
    /// </summary>
    public static string Http(string indent, string servers, string listen, string tls = "")
    {
        var tlsLines = tls.Length == 0 ? string.Empty : "\n" + string.Join('\n', tls.Split('\n').Select(l => "    " + l));
        var text = $$"""
            # Blazor's circuit is a WebSocket: pass the upgrade through, keep other connections alive.
            map $http_upgrade $connection_upgrade {
                default upgrade;
                ''      '';
            }

            # Sticky sessions: the route cookie, or a new random route for a browser that has none yet.
            map $cookie_{{RouteCookie}} $channels_route {
                ''      $request_id;
                default $cookie_{{RouteCookie}};
            }

            map $cookie_{{RouteCookie}} $channels_route_cookie {
                ''      "{{RouteCookie}}=$request_id; Path=/; HttpOnly; SameSite=Lax";
                default '';
            }

            upstream channels_portal {
                hash $channels_route consistent;
            {{servers}}
                keepalive 32;
            }

            server {
                listen {{listen}};{{tlsLines}}
                client_max_body_size 25m;

                location / {
                    proxy_pass http://channels_portal;
                    proxy_http_version 1.1;
                    proxy_set_header Host $http_host;
                    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                    proxy_set_header X-Forwarded-Proto $scheme;
                    proxy_set_header Upgrade $http_upgrade;
                    proxy_set_header Connection $connection_upgrade;

                    # A dead instance refuses at once or never answers the connect: try the next one.
                    proxy_connect_timeout 3s;
                    proxy_next_upstream error timeout;
                    proxy_next_upstream_tries 2;
                    # A circuit's WebSocket is idle between Blazor's keep-alive pings (15 s).
                    proxy_read_timeout 120s;
                    proxy_send_timeout 120s;

                    add_header Set-Cookie $channels_route_cookie always;
                    add_header {{UpstreamHeader}} $upstream_addr always;
                }
            }
            """;
        return string.Join('\n', text.Split('\n').Select(l => l.Length == 0 ? l : indent + l));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _prefix.Dispose();
        }
    }

    private string ReadLog(string name)
    {
        var path = Path.Combine(_prefix.Path, name);
        return File.Exists(path) ? File.ReadAllText(path) : string.Empty;
    }
}
