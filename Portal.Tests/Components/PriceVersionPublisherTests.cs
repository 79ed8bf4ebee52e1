using Bunit;
using Microsoft.EntityFrameworkCore;
using Portal.Data.Identity;
using Portal.Features;
using Portal.Features.Catalog;
using Portal.Localization;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Components;

/// <summary>
/// The version publisher with the real services: prefilled from the version in force, previewing each tier's purchase
/// price as figures change, refusing a version that breaks the rules on the field concerned and storing nothing.
/// </summary>
public sealed class PriceVersionPublisherTests : PortalTestContext, IClassFixture<PortalAppFixture>
{
    private readonly PortalAppFactory _app;

    public PriceVersionPublisherTests(PortalAppFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        _app = fixture.App;
        UseApp(_app, typeof(PriceVersions), typeof(PriceVersionQueries), typeof(BusinessClock));
        AddAuthorization().SetAuthorized("manager@channels.local").SetRoles(PortalRoles.ChannelManager);
    }

    [Fact]
    public void The_preview_shows_each_tiers_purchase_price_before_and_after()
    {
        var page = Render<PublishPriceVersion>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-preview='OIS-STD']")));

        // Prefilled from version 1: nothing changes yet.
        Assert.Empty(page.FindAll("[data-changed]"));
        Assert.Equal("¥1,188.00", Cell(page, "OIS-STD", "Core"));

        page.Find("input[data-testid='publish-price-OIS-STD'], [data-testid='publish-price-OIS-STD'] input").Input("2080");
        page.Find("input[data-testid='publish-discount-Core'], [data-testid='publish-discount-Core'] input").Input("35");

        page.WaitForAssertion(() => Assert.Equal("¥1,188.00 → ¥1,352.00", Cell(page, "OIS-STD", "Core")));
        Assert.Equal("¥990.00 → ¥1,040.00", Cell(page, "OIS-STD", "Strategic"));
        Assert.Equal("¥2,388.00 → ¥2,587.00", Cell(page, "OIS-PRO", "Core"));
    }

    [Theory]
    [InlineData(PortalCultures.Chinese)]
    [InlineData(PortalCultures.English)]
    public async Task A_lower_tier_cheaper_than_the_one_above_is_refused_on_its_field_and_nothing_is_published(string culture)
    {
        UseCulture(culture);
        var page = Render<PublishPriceVersion>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-preview='OIS-STD']")));

        page.Find("input[data-testid='publish-discount-Tier1'], [data-testid='publish-discount-Tier1'] input").Input("45");
        page.Find("[data-testid='publish-submit']").Click();

        page.WaitForAssertion(() => Assert.Contains(Localized("Reason_DISCOUNTS_OUT_OF_ORDER") + " (DISCOUNTS_OUT_OF_ORDER)", page.Markup, StringComparison.Ordinal));
        await using var db = await _app.CreateContextAsync();
        Assert.Equal(1, await db.PriceListVersions.CountAsync());
    }

    private static string Cell(IRenderedComponent<PublishPriceVersion> page, string sku, string tier) =>
        string.Join(" ", page.Find($"[data-preview='{sku}'] [data-tier='{tier}']").TextContent.Split(default(char[]), StringSplitOptions.RemoveEmptyEntries));
}
