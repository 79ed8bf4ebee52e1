using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data.Identity;
using Portal.Domain.Common;
using Portal.Features;
using Portal.Features.Admin;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Security;

public sealed class AccountTests
{
    [Fact]
    public async Task Five_failed_sign_ins_lock_the_account_even_for_the_right_password()
    {
        using var app = new PortalAppFactory();
        using var client = app.CreateClient();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var failed = await client.PostAsJsonAsync(new Uri("/api/v1/auth/login", UriKind.Relative), new { email = "bj@channels.local", password = "Wrong#2026" });
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        using var locked = await client.PostAsJsonAsync(new Uri("/api/v1/auth/login", UriKind.Relative), new { email = "bj@channels.local", password = "Demo#2026" });

        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Equal("ACCOUNT_LOCKED", await CodeAsync(locked));
        await using var db = await app.CreateContextAsync();
        Assert.Equal(4, await db.AuditEntries.CountAsync(e => e.Action == "SignInFailed"));
        Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.Action == "SignInLockedOut"));
    }

    [Fact]
    public async Task The_sign_in_form_also_locks_after_five_failures()
    {
        using var app = new PortalAppFactory();
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var _ = await SignInClient.PostSignInFormAsync(client, "sh@channels.local", "Wrong#2026");
        }

        using var response = await SignInClient.PostSignInFormAsync(client, "sh@channels.local", "Demo#2026");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"signin-error\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_disabled_users_bearer_token_and_cookie_stop_working()
    {
        using var app = new PortalAppFactory();
        using var api = await SignInClient.WithTokenAsync(app, "gz@channels.local");
        using var web = await SignInClient.WithCookieAsync(app, "gz@channels.local");
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await web.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);

        var result = await AdministrationAsync(app, (admin, users, target) => users.SetDisabledAsync(admin, target, disabled: true), "gz@channels.local");

        Assert.True(result.Succeeded);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);

        // A cookie is checked against the account again once a minute has passed since it was last checked.
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        using var page = await web.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/account/login", page.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_disabled_user_cannot_sign_in_again()
    {
        using var app = new PortalAppFactory();
        await AdministrationAsync(app, (admin, users, target) => users.SetDisabledAsync(admin, target, disabled: true), "sz@channels.local");
        using var client = app.CreateClient();

        using var response = await client.PostAsJsonAsync(new Uri("/api/v1/auth/login", UriKind.Relative), new { email = "sz@channels.local", password = "Demo#2026" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("ACCOUNT_DISABLED", await CodeAsync(response));
    }

    [Fact]
    public async Task A_role_change_ends_the_old_tokens()
    {
        using var app = new PortalAppFactory();
        using var api = await SignInClient.WithTokenAsync(app, "compliance@channels.local");

        await AdministrationAsync(app, (admin, users, target) => users.ChangeRoleAsync(admin, target, PortalRoles.ChannelManager, null), "compliance@channels.local");

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Only_an_admin_may_administer_accounts()
    {
        using var app = new PortalAppFactory();
        await using var scope = app.Services.CreateAsyncScope();
        var administration = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var manager = new CurrentUser("x", "manager@channels.local", "M", [PortalRoles.ChannelManager], null, null, null);

        await Assert.ThrowsAsync<Portal.Features.AccessDeniedException>(() => administration.SetDisabledAsync(manager, "anyone", disabled: true));
    }

    [Theory]
    [InlineData("new.reseller@agents.example.cn", "Reseller", null, "REQUIRED")]
    [InlineData("new.manager@channels.local", "ChannelManager", "CORE-GZ", "AGENT_ONLY_FOR_RESELLER")]
    [InlineData("new.reseller@agents.example.cn", "Reseller", "NO-SUCH", "UNKNOWN_AGENT")]
    public async Task An_account_is_refused_with_its_reason_and_nothing_is_stored(string email, string role, string? agentCode, string code)
    {
        using var app = new PortalAppFactory();
        await using var scope = app.Services.CreateAsyncScope();
        var administration = scope.ServiceProvider.GetRequiredService<UserAdministration>();

        var result = await administration.CreateAsync(await AdminAsync(app), new NewUserInput { Email = email, DisplayName = "新用户", Role = role, AgentCode = agentCode, Password = "Start#2026x" });

        Assert.Equal(UseCaseOutcome.Invalid, result.Outcome);
        Assert.Equal(new Reason(code, UserFields.AgentCode), Assert.Single(result.Reasons));
        await using var db = await app.CreateContextAsync();
        Assert.False(await db.Users.AnyAsync(u => u.Email == email));
    }

    [Fact]
    public async Task A_new_reseller_account_signs_in_with_its_agent()
    {
        using var app = new PortalAppFactory();
        await using var scope = app.Services.CreateAsyncScope();
        var administration = scope.ServiceProvider.GetRequiredService<UserAdministration>();

        var result = await administration.CreateAsync(await AdminAsync(app), new NewUserInput { Email = "sales@gz.example.cn", DisplayName = "广州销售", Role = PortalRoles.Reseller, AgentCode = "core-gz", Password = "Start#2026x" });

        Assert.True(result.Succeeded, result.ToString());
        using var api = await SignInClient.WithTokenAsync(app, "sales@gz.example.cn", "Start#2026x");
        using var me = JsonDocument.Parse(await api.GetStringAsync(new Uri("/api/v1/me", UriKind.Relative)));
        Assert.Equal("CORE-GZ", me.RootElement.GetProperty("agentCode").GetString());
    }

    private static async Task<string?> CodeAsync(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("code").GetString();
    }

    private static async Task<CurrentUser> AdminAsync(PortalAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var admin = (await users.FindByEmailAsync("admin@channels.local"))!;
        return new CurrentUser(admin.Id, admin.Email!, admin.DisplayName, [PortalRoles.Admin], null, null, null);
    }

    private static async Task<UseCaseResult<AccountChanged>> AdministrationAsync(PortalAppFactory app, Func<CurrentUser, UserAdministration, string, Task<UseCaseResult<AccountChanged>>> change, string targetEmail)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var target = (await users.FindByEmailAsync(targetEmail))!;
        return await change(await AdminAsync(app), scope.ServiceProvider.GetRequiredService<UserAdministration>(), target.Id);
    }
}
