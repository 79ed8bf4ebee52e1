using System.Globalization;
using System.Security.Claims;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data.Identity;
using Portal.Features;
using Portal.Features.Authorizations;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Components;

/// <summary>The cross-region request form, rendered with the real services on a real database.</summary>
public sealed class AuthorizationRequestFormTests : PortalTestContext, IClassFixture<PortalAppFixture>
{
    private readonly PortalAppFactory _app;
    private readonly IServiceScope _scope;

    public AuthorizationRequestFormTests(PortalAppFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        _app = fixture.App;
        _scope = _app.Services.CreateScope();
        foreach (var service in new[] { typeof(CrossRegionAuthorizations), typeof(AuthorizationDirectory), typeof(ReferenceData), typeof(TimeProvider) })
        {
            Services.AddSingleton(service, _scope.ServiceProvider.GetRequiredService(service));
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _scope.Dispose();
        }

        base.Dispose(disposing);
    }

    [Fact]
    public async Task Missing_region_and_reason_are_named_next_to_their_fields_and_nothing_is_requested()
    {
        await SignInAsync("CORE-GZ");
        var before = await CountAsync();
        var page = Render<MyAuthorizations>();
        page.WaitForElement("[data-testid='authz-submit']");

        await page.Find("[data-testid='authz-submit']").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("(REQUIRED)", page.Find(".region-picker").TextContent, StringComparison.Ordinal));
        Assert.Contains("(REQUIRED)", FieldText(page, "authz-reason"), StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid='authorization-requested']"));
        Assert.Equal(before, await CountAsync());
    }

    private async Task<int> CountAsync()
    {
        await using var db = await _app.CreateContextAsync();
        return await db.CrossRegionAuthorizations.CountAsync();
    }

    private static string FieldText(IRenderedComponent<MyAuthorizations> page, string testId) =>
        page.Find($"[data-testid='{testId}'] textarea, textarea[data-testid='{testId}']").Closest(".mud-input-control")!.TextContent;

    private async Task SignInAsync(string agentCode)
    {
        await using var db = await _app.CreateContextAsync();
        var agent = await db.Agents.SingleAsync(a => a.Code == agentCode);
        AddAuthorization()
            .SetAuthorized($"{agentCode.ToLowerInvariant()}@channels.local")
            .SetRoles(PortalRoles.Reseller)
            .SetClaims(
                new Claim(ClaimTypes.NameIdentifier, "user-" + agentCode),
                new Claim(PortalClaims.AgentId, agent.Id.ToString(CultureInfo.InvariantCulture)),
                new Claim(PortalClaims.AgentCode, agent.Code),
                new Claim(PortalClaims.AgentTier, agent.Tier.ToString()));
    }
}
