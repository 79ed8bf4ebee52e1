using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data.Identity;
using Portal.Data.Seed;
using Portal.Features.Admin;
using Portal.Features.Catalog;
using Portal.Features.Deals;
using Portal.Tests.Builders;
using Portal.Tests.Deals;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>
/// Two portal instances on one database (two portals on one SQLite file, as two processes would be): the price list,
/// sign-out and role changes are the same on both (ADR 37), and two instances starting together seed once.
/// </summary>
public sealed partial class InstancesTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_price_version_published_on_one_instance_prices_the_next_registration_on_the_other()
    {
        using var a = new PortalAppFactory(_folder.Path);
        using var b = new PortalAppFactory(_folder.Path);
        var tianhe = await b.UserAsync("tianhe@channels.local");
        var register = b.Service<DealRegistrationService>();

        // B has priced a registration with the list as it was: its cache holds the old list.
        var before = await register.RegisterAsync(tianhe, DealInputs.Registration(DealInputs.NewUscc("440106", 9101), "广州天河跨实例科技有限公司", "440106"));
        Assert.True(before.Succeeded, before.ToString());
        var published = await a.Service<PriceVersions>().PublishAsync(await a.UserAsync("manager@channels.local"), PriceVersionBuilder.Valid(a.Now).Price("OIS-PRO", 4280.00m).Input());
        Assert.True(published.Succeeded, published.ToString());

        var after = await register.RegisterAsync(tianhe, DealInputs.Registration(DealInputs.NewUscc("440106", 9102), "广州天河跨实例二科技有限公司", "440106", unitPrice: 4280.00m));

        Assert.True(after.Succeeded, after.ToString());
        await using var db = await b.CreateContextAsync();
        var prices = await db.Deals.AsNoTracking().Where(d => d.Id == before.Value!.Id || d.Id == after.Value!.Id).OrderBy(d => d.Id)
            .Select(d => d.Lines.Single().UniformPrice).ToListAsync();
        Assert.Equal([3980.00m, 4280.00m], prices);
        Assert.Empty(after.Value!.Reasons);
    }

    [Fact]
    public async Task A_cookie_signed_out_on_one_instance_is_refused_on_the_other()
    {
        using var a = new PortalAppFactory(_folder.Path);
        using var b = new PortalAppFactory(_folder.Path);
        using var onA = a.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var onB = b.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var cookies = await SignInAsync(onA, "gz@channels.local");

        // The same cookie, copied to the other instance, is a signed-in session there, also after its periodic check.
        b.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(onB, "/", cookies)).StatusCode);

        await SignOutAsync(onA, cookies);

        // Within one validation interval the other instance refuses it too, without touching the account's other sessions.
        b.Clock.Advance(TimeSpan.FromMinutes(2));
        using var refused = await GetAsync(onB, "/", cookies);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/account/login", refused.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var other = await SignInAsync(onB, "gz@channels.local");
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(onB, "/", other)).StatusCode);
        b.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(onB, "/", other)).StatusCode);
    }

    [Fact]
    public async Task A_role_change_on_one_instance_ends_the_sessions_on_the_other_within_the_interval()
    {
        using var a = new PortalAppFactory(_folder.Path);
        using var b = new PortalAppFactory(_folder.Path);
        using var onB = b.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var api = await SignInClient.WithTokenAsync(b, "compliance@channels.local");
        var cookies = await SignInAsync(onB, "compliance@channels.local");

        await using (var scope = a.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var admin = (await users.FindByEmailAsync("admin@channels.local"))!;
            var target = (await users.FindByEmailAsync("compliance@channels.local"))!;
            var changed = await scope.ServiceProvider.GetRequiredService<UserAdministration>().ChangeRoleAsync(
                new CurrentUser(admin.Id, admin.Email!, admin.DisplayName, [PortalRoles.Admin], null, null, null), target.Id, PortalRoles.ChannelManager, null);
            Assert.True(changed.Succeeded, changed.ToString());
        }

        // The API checks every request; a cookie at its next check, at most one validation interval later.
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
        b.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        using var page = await GetAsync(onB, "/", cookies);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/account/login", page.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_instances_starting_together_on_an_empty_database_seed_it_once()
    {
        using var a = new PortalAppFactory(_folder.Path);
        using var b = new PortalAppFactory(_folder.Path);

        await Task.WhenAll(Task.Run(() => a.Services), Task.Run(() => b.Services));

        await using var db = await a.CreateContextAsync();
        Assert.Equal(DemoData.Agents.Count, await db.Agents.CountAsync());
        Assert.Equal(DemoData.Users.Count, await db.Users.CountAsync());
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "DemoDataSeeded"));
        using var client = b.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/healthz/ready", UriKind.Relative))).StatusCode);
    }

    // Signs in through the form with no cookie jar: the cookies the portal set, as one Cookie header's value.
    private static async Task<string> SignInAsync(HttpClient client, string email)
    {
        using var page = await client.GetAsync(new Uri("/account/login", UriKind.Relative));
        var antiforgery = Cookies(page);
        var token = AntiforgeryField().Match(await page.Content.ReadAsStringAsync()).Groups["token"].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = DemoData.Password,
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/account/login", UriKind.Relative)) { Content = form };
        request.Headers.Add("Cookie", antiforgery);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var auth = Cookies(response);
        Assert.Contains("Channels.Auth", auth, StringComparison.Ordinal);
        return $"{antiforgery}; {auth}";
    }

    private static async Task SignOutAsync(HttpClient client, string cookies)
    {
        using var page = await GetAsync(client, "/", cookies);
        var token = AntiforgeryField().Match(await page.Content.ReadAsStringAsync()).Groups["token"].Value;
        Assert.NotEmpty(token);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["returnUrl"] = "/" });
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/account/logout", UriKind.Relative)) { Content = form };
        request.Headers.Add("Cookie", cookies);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string cookies)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("Cookie", cookies);
        return client.SendAsync(request);
    }

    private static string Cookies(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Select(v => v.Split(';')[0]).Where(v => !v.EndsWith('=')) : []);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
