using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Auth;
using Portal.Data.Identity;
using Portal.Data.Seed;

namespace Portal.Tools;

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

            var user = new PortalUser { UserName = reseller.Email, Email = reseller.Email, EmailConfirmed = true, DisplayName = reseller.DisplayName, AgentId = reseller.AgentId, CreatedAt = now };
            var created = await users.CreateAsync(user, DemoData.Password).ConfigureAwait(false);
            var added = created.Succeeded ? await users.AddToRoleAsync(user, PortalRoles.Reseller).ConfigureAwait(false) : created;
            if (!added.Succeeded)
            {
                throw new InvalidOperationException("Creating a benchmark account failed: " + string.Join("; ", added.Errors.Select(e => e.Description)));
            }
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
    public async Task<ThroughputResult> RegisterAsync(IReadOnlyList<PreparedRegistration> work, int clients, ConcurrentBag<string> statuses)
    {
        var latencies = new ConcurrentBag<double>();
        var next = -1;
        var start = Stopwatch.GetTimestamp();
        var tasks = Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < work.Count; i = Interlocked.Increment(ref next))
            {
                var item = work[i];
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/deals", UriKind.Relative))
                {
                    Content = JsonContent.Create(item.Input, options: json),
                };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _tokens[item.User.Email]);
                var began = Stopwatch.GetTimestamp();
                using var response = await client.SendAsync(request).ConfigureAwait(false);
                var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                latencies.Add(Stopwatch.GetElapsedTime(began).TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    throw new InvalidOperationException($"A benchmark registration through the API was refused ({(int)response.StatusCode}): {body}");
                }

                using var created = JsonDocument.Parse(body);
                statuses.Add(created.RootElement.GetProperty("status").GetString()!);
            }
        }));
        await Task.WhenAll(tasks).ConfigureAwait(false);
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        return new ThroughputResult(clients, work.Count, seconds, work.Count / seconds, LatencyStats.Of(latencies));
    }
}
