using System.Net;
using Microsoft.AspNetCore.Authorization;
using Portal.Auth;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Security;

/// <summary>
/// Every routed page and every API endpoint of the portal × {anonymous, each role, a reseller of another branch}, driven
/// by the policy declarations (<see cref="PortalPolicies"/>): each page and endpoint must name a policy (or allow anyone),
/// and each caller must be answered as that policy says. What each policy grants is pinned below against DESIGN.md §1,
/// so a declaration cannot drift without this test saying so.
/// </summary>
public sealed class AccessMatrixTests(PortalAppFixture fixture) : AppTest(fixture)
{
    /// <summary>Who holds each policy, as DESIGN.md §1 and §2.2 give it (roles; tiers where only some resellers do).</summary>
    private static readonly Dictionary<string, string[]> Designed = new(StringComparer.Ordinal)
    {
        [PortalPolicies.SignedIn] = ["Admin", "ChannelManager", "Compliance", "Reseller"],
        [PortalPolicies.ReadDeals] = ["Reseller", "ChannelManager", "Compliance"],
        [PortalPolicies.Resell] = ["Reseller"],
        [PortalPolicies.Recruit] = ["Reseller:Strategic", "Reseller:Core"],
        [PortalPolicies.CheckAvailability] = ["Reseller", "ChannelManager"],
        [PortalPolicies.ManageChannel] = ["ChannelManager"],
        [PortalPolicies.MonitorCases] = ["Compliance", "ChannelManager"],
        [PortalPolicies.ReadCases] = ["Compliance", "ChannelManager", "Reseller"],
        [PortalPolicies.OpenCases] = ["Compliance", "ChannelManager"],
        [PortalPolicies.WorkCases] = ["Compliance"],
        [PortalPolicies.Appeal] = ["Compliance", "Reseller"],
        [PortalPolicies.ReadAgents] = ["ChannelManager", "Compliance"],
        [PortalPolicies.ReadHierarchy] = ["ChannelManager", "Compliance", "Reseller"],
        [PortalPolicies.ReadAuthorizations] = ["Reseller", "ChannelManager", "Compliance"],
        [PortalPolicies.ReadCustomers] = ["Reseller", "ChannelManager", "Compliance"],
        [PortalPolicies.ReadPrices] = ["ChannelManager", "Reseller", "Compliance"],
        [PortalPolicies.ReadAudit] = ["Compliance", "Admin"],
        [PortalPolicies.AdministerUsers] = ["Admin"],
    };

    /// <summary>The pages anyone may open, signed in or not.</summary>
    private static readonly string[] AnonymousPages = ["/account/login", "/report", "/not-found", "/error"];

    /// <summary>The caller kinds of the matrix: a demo user per role (a Tier-1 reseller), plus a Core reseller of another branch.</summary>
    private static readonly (string Name, string? Email, string? Role, string? Tier)[] Callers =
    [
        ("anonymous", null, null, null),
        ("admin", "admin@channels.local", "Admin", null),
        ("manager", "manager@channels.local", "ChannelManager", null),
        ("compliance", "compliance@channels.local", "Compliance", null),
        ("reseller", "tianhe@channels.local", "Reseller", "Tier1"),
        ("reseller of another branch", "sz@channels.local", "Reseller", "Core"),
    ];

    [Fact]
    public void Every_policy_grants_what_the_design_gives_it()
    {
        var declared = PortalPolicies.All.ToDictionary(
            p => p.Name,
            p => p.Tiers is null ? [.. p.Roles] : p.Roles.SelectMany(r => p.Tiers.Select(t => $"{r}:{t}")).ToArray(),
            StringComparer.Ordinal);

        Assert.Equal(Designed.Keys.Order(StringComparer.Ordinal), declared.Keys.Order(StringComparer.Ordinal));
        Assert.All(Designed, d => Assert.Equal(d.Value.Order(StringComparer.Ordinal), declared[d.Key].Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void Every_routed_page_names_its_policy_or_is_open_to_anyone()
    {
        var declared = PortalPolicies.All.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var unstated = Pages()
            .Where(p => p.Policy is null ? !AnonymousPages.Contains(p.Route) : !declared.Contains(p.Policy))
            .Select(p => p.Route);

        Assert.Empty(unstated);
    }

    [Fact]
    public void Every_api_endpoint_names_its_policy_or_is_open_to_anyone()
    {
        var declared = PortalPolicies.All.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var unstated = ApiEndpoints().Where(e => !e.Anonymous && (e.Policies.Count == 0 || !e.Policies.All(declared.Contains))).Select(e => e.Name);

        Assert.Empty(unstated);
    }

    [Fact]
    public async Task Every_page_answers_each_caller_as_its_policy_says()
    {
        var failures = new List<string>();
        foreach (var caller in Callers)
        {
            using var client = caller.Email is null
                ? App.CreateClient(new() { AllowAutoRedirect = false })
                : await SignInClient.WithCookieAsync(App, caller.Email);
            foreach (var (route, policy) in Pages())
            {
                using var response = await client.GetAsync(new Uri(SamplePath(route), UriKind.Relative));
                var expected = policy is null ? "200"
                    : caller.Role is null ? "sign-in"
                    : Holds(caller.Role, caller.Tier, policy) ? "200"
                    : "access-denied";
                var actual = Describe(response);
                if (actual != expected)
                {
                    failures.Add($"{caller.Name} GET {route} ({policy ?? "anyone"}): expected {expected}, got {actual}");
                }
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task Every_api_endpoint_answers_each_caller_as_its_policies_say()
    {
        var endpoints = ApiEndpoints().Where(e => e.Name != "POST /api/v1/auth/login").ToList();
        var failures = new List<string>();
        foreach (var caller in Callers)
        {
            using var client = caller.Email is null
                ? App.CreateClient(new() { AllowAutoRedirect = false })
                : await SignInClient.WithTokenAsync(App, caller.Email);
            foreach (var endpoint in endpoints)
            {
                using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), SamplePath(endpoint.Route));
                if (endpoint.Method == "POST")
                {
                    request.Content = endpoint.TakesForm
                        ? new MultipartFormDataContent { { new StringContent("x"), "description" } }
                        : new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
                }

                using var response = await client.SendAsync(request);
                var isAllowed = endpoint.Anonymous || (caller.Role is not null && endpoint.Policies.All(p => Holds(caller.Role, caller.Tier, p)));
                var refused = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;
                var expected = isAllowed ? "past authorization" : caller.Role is null ? "401" : "403";
                var actual = !refused ? "past authorization" : ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (expected != actual)
                {
                    failures.Add($"{caller.Name} {endpoint.Name}: expected {expected}, got {(int)response.StatusCode}");
                }

                if ((int)response.StatusCode >= 400)
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
        using var client = await SignInClient.WithTokenAsync(App, email);

        using var response = await client.GetAsync(new Uri("/api/v1/deals/1", UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Cookies_do_not_authenticate_the_api()
    {
        using var client = await SignInClient.WithCookieAsync(App, "manager@channels.local");

        using var response = await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    /// <summary>A request for a route template: parameters get the id of a demo record every allowed caller can see.</summary>
    private static string SamplePath(string template) => PortalPages.SamplePath(template);

    private static bool Holds(string role, string? tier, string policy) => PortalPages.Holds(role, tier, policy);

    private static string Describe(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.OK => "200",
        HttpStatusCode.Redirect when response.Headers.Location?.OriginalString.Contains("/account/login", StringComparison.Ordinal) == true => "sign-in",
        HttpStatusCode.Redirect when response.Headers.Location?.OriginalString.Contains("/account/access-denied", StringComparison.Ordinal) == true => "access-denied",
        var other => $"{(int)other} {response.Headers.Location}",
    };

    /// <summary>Every routed page with the policy its [Authorize] names (null: [AllowAnonymous]).</summary>
    private static IEnumerable<(string Route, string? Policy)> Pages() => PortalPages.All.Select(p => (p.Route, p.Policy));

    private IEnumerable<ApiEndpoint> ApiEndpoints()
    {
        var source = App.Services.GetRequiredService<EndpointDataSource>();
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            var route = "/" + endpoint.RoutePattern.RawText?.TrimStart('/');
            if (!route.StartsWith("/api/", StringComparison.Ordinal) || route.Contains("{**path}", StringComparison.Ordinal))
            {
                continue;
            }

            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var form = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.ContentTypes.Contains("multipart/form-data") == true;
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Distinct().ToList();
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"])
            {
                yield return new ApiEndpoint(method, route, anonymous, policies, form);
            }
        }
    }

    private sealed record ApiEndpoint(string Method, string Route, bool Anonymous, IReadOnlyList<string> Policies, bool TakesForm)
    {
        public string Name => $"{Method} {Route}";
    }
}
