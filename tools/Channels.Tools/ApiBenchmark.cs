using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Auth;
using Portal.Data.Identity;
using Portal.Data.Seed;

namespace Channels.Tools;

/// <summary>
/// Deal registration as an integration sends it: <c>POST /api/v1/deals</c> over HTTP on loopback to the portal's own
/// Kestrel server, each reseller with the bearer token it got from <c>POST /api/v1/auth/login</c>. Everything the
/// service-level figure measures is inside, plus routing, authentication, the per-request account check, JSON and
/// the socket.
/// </summary>
internal sealed class ApiBenchmark(HttpClient client, JsonSerializerOptions json) : IDisposable
{
    private readonly Dictionary<string, string> _tokens = new(StringComparer.OrdinalIgnoreCase);

    public static ApiBenchmark For(WebApplication app, Uri address)
    {
        ArgumentNullException.ThrowIfNull(app);
        var client = new HttpClient { BaseAddress = address };
        return new ApiBenchmark(client, app.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions);
    }

    public void Dispose() => client.Dispose();

    /// <summary>
    /// Gives each of <paramref name="resellers"/> a reseller account (their benchmark e-mail, the demo password),
    /// through Identity as an administrator would; accounts left by an earlier run are reused. One account per agent
    /// keeps every agent well under its cap of open registrations.
    /// </summary>
    public static async Task CreateAccountsAsync(IServiceProvider services, IEnumerable<CurrentUser> resellers)
    {
        ArgumentNullException.ThrowIfNull(resellers);
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        foreach (var reseller in resellers)
        {
            if (await users.FindByEmailAsync(reseller.Email).ConfigureAwait(false) is not null)
            {
                continue;
            }

            await ToolAccounts.CreateAsync(users, reseller.Email, reseller.DisplayName, PortalRoles.Reseller, reseller.AgentId, now).ConfigureAwait(false);
        }
    }

    /// <summary>Signs every reseller in through the API, once, before anything is timed.</summary>
    public async Task SignInAsync(IEnumerable<string> emails)
    {
        ArgumentNullException.ThrowIfNull(emails);
        foreach (var email in emails)
        {
            using var response = await client.PostAsJsonAsync(new Uri("/api/v1/auth/login", UriKind.Relative), new { email, password = DemoData.Password }).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync().ConfigureAwait(false));
            _tokens[email] = body.RootElement.GetProperty("accessToken").GetString()!;
        }
    }

    /// <summary>
    /// Posts the registrations over <paramref name="clients"/> concurrent clients. Every answer must be 201 Created;
    /// the statuses it reports are collected for the check of what was stored.
    /// </summary>
    public Task<ThroughputResult> RegisterAsync(IReadOnlyList<PreparedRegistration> work, int clients, ConcurrentBag<string> statuses) =>
        Timing.ConcurrentlyAsync(work, clients, async item =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/deals", UriKind.Relative))
            {
                Content = JsonContent.Create(item.Input, options: json),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _tokens[item.User.Email]);
            using var response = await client.SendAsync(request).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.Created)
            {
                throw new InvalidOperationException($"A benchmark registration through the API was refused ({(int)response.StatusCode}): {body}");
            }

            using var created = JsonDocument.Parse(body);
            statuses.Add(created.RootElement.GetProperty("status").GetString()!);
        });
}
