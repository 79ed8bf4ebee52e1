using Bunit;
using Microsoft.EntityFrameworkCore;
using Portal.Features;
using Portal.Features.Authorizations;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Components;

/// <summary>The cross-region request form, rendered with the real services on a real database.</summary>
public sealed class AuthorizationRequestFormTests : PortalTestContext, IClassFixture<PortalAppFixture>
{
    private readonly PortalAppFactory _app;

    public AuthorizationRequestFormTests(PortalAppFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        _app = fixture.App;
        UseApp(_app, typeof(CrossRegionAuthorizationService), typeof(AuthorizationDirectory), typeof(ReferenceData), typeof(BusinessClock));
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

    private Task SignInAsync(string agentCode) => SignInAsResellerAsync(_app, agentCode);
}
