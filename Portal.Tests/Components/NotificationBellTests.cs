using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Portal.Data.Identity;
using Portal.Features.Notifications;
using Portal.Localization;
using Portal.Tests.Infrastructure;
using Portal.Tests.Notifications;

namespace Portal.Tests.Components;

/// <summary>The bell and the notifications page with the real services: the count rises when a notice commits; opening a notice marks it read.</summary>
public sealed class NotificationBellTests : PortalTestContext, IClassFixture<PortalAppFixture>
{
    private readonly PortalAppFactory _app;

    public NotificationBellTests(PortalAppFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        _app = fixture.App;
        UseApp(_app, typeof(NotificationInbox), typeof(NotificationSignal), typeof(TimeProvider));
    }

    [Theory]
    [InlineData(PortalCultures.Chinese, "2 条未读通知", "3 条未读通知")]
    [InlineData(PortalCultures.English, "2 unread notifications", "3 unread notifications")]
    public async Task The_bell_shows_the_unread_count_and_rises_when_a_notice_commits(string culture, string two, string three)
    {
        UseCulture(culture);
        var tianhe = await _app.UserAsync("tianhe@channels.local");
        await WriteAsync(tianhe.Id, "一号客户");
        await WriteAsync(tianhe.Id, "二号客户");

        var bell = Render<NotificationBell>(p => p.Add(c => c.User, Principal(tianhe.Id)));
        bell.WaitForAssertion(() => Assert.Equal("2", bell.Find("[data-testid='bell']").GetAttribute("data-unread")));
        Assert.Equal(two, bell.Find("[data-testid='bell'] button").GetAttribute("aria-label"));

        await WriteAsync(tianhe.Id, "三号客户");

        bell.WaitForAssertion(() => Assert.Equal(three, bell.Find("[data-testid='bell'] button").GetAttribute("aria-label")));
        Assert.Contains("3", bell.Find(".mud-badge").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Opening_a_notice_on_the_page_marks_it_read_and_goes_to_its_page()
    {
        var tianhe = await _app.UserAsync("tianhe@channels.local");
        await WriteAsync(tianhe.Id, "打开的客户");
        AddAuthorization().SetAuthorized("tianhe@channels.local").SetRoles(PortalRoles.Reseller).SetClaims(new Claim(ClaimTypes.NameIdentifier, tianhe.Id));

        var page = Render<NotificationsPage>();
        page.WaitForAssertion(() => Assert.Equal("false", page.Find("[data-testid='notice']").GetAttribute("data-read")));
        Assert.Contains("打开的客户", page.Find("[data-testid='notice']").TextContent, StringComparison.Ordinal);
        page.Find("[data-testid='notice']").Click();

        page.WaitForAssertion(() => Assert.EndsWith("/deals/5", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal));
        await using var db = await _app.CreateContextAsync();
        Assert.NotNull(await db.Notifications.Where(n => n.RecipientId == tianhe.Id).Select(n => n.ReadAt).SingleAsync());
    }

    private static ClaimsPrincipal Principal(string id) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.Name, "tianhe"), new Claim(ClaimTypes.Role, PortalRoles.Reseller)], "test"));

    private Task<int> WriteAsync(string reader, string customer) => TestNotices.WriteAsync(_app, [reader], TestNotices.Approved(customer, "/deals/5"));
}
