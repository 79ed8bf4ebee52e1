using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Api;

/// <summary>
/// What the API answers when the portal itself fails (a 5xx is a defect, DESIGN.md §7): a coded ProblemDetails in every
/// environment — Development's exception page never answers the API — that echoes nothing the request carried.
/// </summary>
public sealed class FailureTests
{
    private const string Probe = "probe-7f3a9c";
    private const string TraceId = "4bf92f3577b34da6a3ce929d0e0e4736";

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task A_failure_inside_the_portal_is_a_coded_problem_that_echoes_no_request_header(string environment)
    {
        using var app = new PortalAppFactory(null, new Dictionary<string, string> { ["environment"] = environment });
        using var client = await SignInClient.WithTokenAsync(app, "manager@channels.local");
        await using (var db = await app.CreateContextAsync())
        {
            // The price list can no longer be read: every request for it fails inside the portal.
            await db.Database.ExecuteSqlRawAsync("DROP TABLE \"ProductPrices\"");
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/products");
        request.Headers.Add("X-Probe", Probe);
        request.Headers.Add("traceparent", $"00-{TraceId}-00f067aa0ba902b7-01");
        request.Headers.UserAgent.ParseAdd(Probe + "/1.0");
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("INTERNAL_ERROR", json.RootElement.GetProperty("code").GetString());
        Assert.DoesNotContain(Probe, body, StringComparison.Ordinal);
        Assert.DoesNotContain(TraceId, body, StringComparison.Ordinal);
        Assert.DoesNotContain("Bearer", body, StringComparison.Ordinal);
        Assert.DoesNotContain("ProductPrices", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refusal_echoes_no_request_header_either()
    {
        using var app = new PortalAppFactory();
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/deals");
        request.Headers.Add("X-Probe", Probe);
        request.Headers.Add("traceparent", $"00-{TraceId}-00f067aa0ba902b7-01");

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("\"code\":\"UNAUTHORIZED\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain(Probe, body, StringComparison.Ordinal);
        Assert.DoesNotContain(TraceId, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_page_shows_the_portals_own_not_found_page()
    {
        using var app = new PortalAppFactory();
        using var client = await SignInClient.WithCookieAsync(app, "manager@channels.local");

        using var response = await client.GetAsync(new Uri("/no/such/page", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("data-testid=\"not-found\"", body, StringComparison.Ordinal);
        Assert.Contains("Channels", body, StringComparison.Ordinal);
    }
}
