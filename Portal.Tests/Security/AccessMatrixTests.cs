using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Components;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Security;

/// <summary>
/// Every routed page and every API endpoint of the portal × {anonymous, each role, a reseller of another branch}.
/// The expected access of each route is written here; a new page or endpoint that is not in the table fails the
/// test, so nothing can be added without deciding who may use it.
/// </summary>
public sealed class AccessMatrixTests(PortalAppFixture fixture) : IClassFixture<PortalAppFixture>
{
    private const string Anyone = "anyone";
    private const string SignedIn = "signed-in";

    /// <summary>Who may open each page (by its route template): <see cref="Anyone"/>, <see cref="SignedIn"/>, or roles.</summary>
    private static readonly Dictionary<string, string[]> Pages = new(StringComparer.Ordinal)
    {
        ["/deals"] = ["Reseller", "ChannelManager"],
        ["/deals/new"] = ["Reseller"],
        ["/deals/{Id:int}"] = ["Reseller", "ChannelManager"],
        ["/cases"] = ["Compliance", "ChannelManager"],
        ["/report"] = [Anyone],
        ["/rules"] = [SignedIn],
        ["/cases/{Id:int}"] = ["Compliance", "ChannelManager"],
        ["/"] = [SignedIn],
        ["/account/login"] = [Anyone],
        ["/account/access-denied"] = [SignedIn],
        ["/not-found"] = [Anyone],
        ["/error"] = [Anyone],
        ["/agents"] = ["ChannelManager", "Compliance"],
        ["/review"] = ["ChannelManager"],
        ["/vendor-direct"] = ["ChannelManager"],
        ["/prices"] = ["ChannelManager", "Reseller", "Compliance"],
        ["/audit"] = ["Compliance", "Admin"],
        ["/admin/users"] = ["Admin"],
        ["/customers"] = ["Reseller", "ChannelManager", "Compliance"],
        ["/authorizations"] = ["Reseller"],
        ["/sub-agents"] = ["Reseller"],
    };

    /// <summary>
    /// Who may call each API endpoint ("METHOD /route"), and a request to try it with. An allowed caller gets past
    /// authorization (neither 401 nor 403); anonymous callers get 401, other roles 403 — always as ProblemDetails.
    /// </summary>
    private static readonly Dictionary<string, (string Path, string[] Allowed)> Endpoints = new(StringComparer.Ordinal)
    {
        ["POST /api/v1/auth/login"] = ("/api/v1/auth/login", [Anyone]),
        ["GET /api/v1/me"] = ("/api/v1/me", [SignedIn]),
        ["GET /api/v1/products"] = ("/api/v1/products", ["ChannelManager", "Reseller", "Compliance"]),
        ["GET /api/v1/customers/availability"] = ("/api/v1/customers/availability?uscc=91440300708461136T", ["Reseller", "ChannelManager"]),
        ["POST /api/v1/deals"] = ("/api/v1/deals", ["Reseller"]),
        ["GET /api/v1/deals"] = ("/api/v1/deals", ["Reseller", "ChannelManager"]),
        ["GET /api/v1/deals/{id:int}"] = ("/api/v1/deals/1", ["Reseller", "ChannelManager"]),
        ["POST /api/v1/deals/{id:int}/sales"] = ("/api/v1/deals/1/sales", ["Reseller"]),
        ["POST /api/v1/violation-reports"] = ("/api/v1/violation-reports", [Anyone]),
        ["GET /api/v1/violations"] = ("/api/v1/violations", ["Compliance"]),
        ["GET /api/v1/violations/{id:int}"] = ("/api/v1/violations/1", ["Compliance"]),
    };

    /// <summary>The caller kinds of the matrix: a demo user per role, plus a reseller of another branch.</summary>
    private static readonly (string Name, string? Email, string? Role)[] Callers =
    [
        ("anonymous", null, null),
        ("admin", "admin@channels.local", "Admin"),
        ("manager", "manager@channels.local", "ChannelManager"),
        ("compliance", "compliance@channels.local", "Compliance"),
        ("reseller", "tianhe@channels.local", "Reseller"),
        ("reseller of another branch", "sz@channels.local", "Reseller"),
    ];

    [Fact]
    public void Every_routed_page_is_in_the_matrix()
    {
        var routes = typeof(Program).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
            .Select(r => r.Template)
            .ToHashSet(StringComparer.Ordinal);

        Assert.Empty(routes.Except(Pages.Keys));
        Assert.Empty(Pages.Keys.Except(routes));
    }

    [Fact]
    public void Every_routed_page_states_who_may_open_it()
    {
        var silent = typeof(Program).Assembly.GetTypes()
            .Where(t => t.GetCustomAttributes<RouteAttribute>().Any())
            .Where(t => t.GetCustomAttribute<Microsoft.AspNetCore.Authorization.AuthorizeAttribute>() is null
                && t.GetCustomAttribute<Microsoft.AspNetCore.Authorization.AllowAnonymousAttribute>() is null)
            .Select(t => t.Name);

        Assert.Empty(silent);
    }

    [Fact]
    public void Every_api_endpoint_is_in_the_matrix()
    {
        var endpoints = ApiEndpoints().ToHashSet(StringComparer.Ordinal);

        Assert.Empty(endpoints.Except(Endpoints.Keys));
        Assert.Empty(Endpoints.Keys.Except(endpoints));
    }

    [Fact]
    public async Task Every_page_answers_each_caller_as_designed()
    {
        var failures = new List<string>();
        foreach (var caller in Callers)
        {
            using var client = caller.Email is null
                ? fixture.App.CreateClient(new() { AllowAutoRedirect = false })
                : await SignInClient.WithCookieAsync(fixture.App, caller.Email);
            foreach (var (route, allowed) in Pages)
            {
                using var response = await client.GetAsync(new Uri(SamplePath(route), UriKind.Relative));
                var expected = ExpectedPage(allowed, caller.Role);
                var actual = Describe(response);
                if (actual != expected)
                {
                    failures.Add($"{caller.Name} GET {route}: expected {expected}, got {actual}");
                }
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task Every_api_endpoint_answers_each_caller_as_designed()
    {
        var failures = new List<string>();
        foreach (var caller in Callers)
        {
            using var client = caller.Email is null
                ? fixture.App.CreateClient(new() { AllowAutoRedirect = false })
                : await SignInClient.WithTokenAsync(fixture.App, caller.Email);
            foreach (var (endpoint, (path, allowed)) in Endpoints.Where(e => e.Key != "POST /api/v1/auth/login"))
            {
                var method = endpoint[..endpoint.IndexOf(' ', StringComparison.Ordinal)];
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (method == "POST")
                {
                    request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
                }

                using var response = await client.SendAsync(request);
                var isAllowed = allowed.Contains(Anyone) || (caller.Role is not null && (allowed.Contains(SignedIn) || allowed.Contains(caller.Role)));
                var refused = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;
                var expected = isAllowed ? "past authorization" : caller.Role is null ? "401" : "403";
                var actual = !refused ? "past authorization" : ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (expected != actual)
                {
                    failures.Add($"{caller.Name} {endpoint}: expected {expected}, got {(int)response.StatusCode}");
                }

                if (refused || response.StatusCode == HttpStatusCode.NotFound)
                {
                    Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                }
            }
        }

        Assert.Empty(failures);
    }

    [Theory]
    [InlineData("tianhe@channels.local", HttpStatusCode.OK)] // its own deal
    [InlineData("gz@channels.local", HttpStatusCode.OK)] // its child's deal
    [InlineData("south@channels.local", HttpStatusCode.OK)] // its grandchild's deal
    [InlineData("yuexiu@channels.local", HttpStatusCode.NotFound)] // a sibling's deal
    [InlineData("sz@channels.local", HttpStatusCode.NotFound)] // another branch's deal
    [InlineData("manager@channels.local", HttpStatusCode.OK)]
    public async Task Reading_tianhes_deal_by_id_answers_as_the_hierarchy_says(string email, HttpStatusCode expected)
    {
        using var client = await SignInClient.WithTokenAsync(fixture.App, email);

        using var response = await client.GetAsync(new Uri("/api/v1/deals/1", UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Cookies_do_not_authenticate_the_api()
    {
        using var client = await SignInClient.WithCookieAsync(fixture.App, "manager@channels.local");

        using var response = await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    /// <summary>A request for a route template: parameters get the id of a demo record every allowed caller can see.</summary>
    private static string SamplePath(string template) => template.Replace("{Id:int}", "1", StringComparison.Ordinal);

    private static string ExpectedPage(string[] allowed, string? role) =>
        allowed.Contains(Anyone) ? "200"
        : role is null ? "sign-in"
        : allowed.Contains(SignedIn) || allowed.Contains(role) ? "200"
        : "access-denied";

    private static string Describe(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.OK => "200",
        HttpStatusCode.Redirect when response.Headers.Location?.OriginalString.Contains("/account/login", StringComparison.Ordinal) == true => "sign-in",
        HttpStatusCode.Redirect when response.Headers.Location?.OriginalString.Contains("/account/access-denied", StringComparison.Ordinal) == true => "access-denied",
        var other => $"{(int)other} {response.Headers.Location}",
    };

    private IEnumerable<string> ApiEndpoints()
    {
        var source = (EndpointDataSource)fixture.App.Services.GetService(typeof(EndpointDataSource))!;
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            var route = "/" + endpoint.RoutePattern.RawText?.TrimStart('/');
            if (!route.StartsWith("/api/", StringComparison.Ordinal) || route.Contains("{**path}", StringComparison.Ordinal))
            {
                continue;
            }

            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"];
            foreach (var method in methods)
            {
                yield return $"{method} {route}";
            }
        }
    }

}
