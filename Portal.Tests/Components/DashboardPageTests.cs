using Bunit;
using Portal.Data.Identity;
using Portal.Features;
using Portal.Features.Dashboard;
using Portal.Localization;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Components;

/// <summary>The home page's dashboard, rendered with the real service on the demo database, for each role.</summary>
public sealed class DashboardPageTests : PortalTestContext, IClassFixture<PortalAppFixture>
{
    private readonly PortalAppFactory _app;

    public DashboardPageTests(PortalAppFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        _app = fixture.App;
        UseApp(_app, typeof(DashboardService), typeof(BusinessClock));
    }

    [Fact]
    public void A_channel_manager_sees_four_charts_and_every_figure_is_a_link_to_its_list()
    {
        AddAuthorization().SetAuthorized("manager@channels.local").SetRoles(PortalRoles.ChannelManager);

        var page = Render<Home>();

        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("[data-chart]").Count));
        Assert.Equal("/agents?status=Active", page.Find("[data-headline='Dash_ActiveAgents']").GetAttribute("href"));
        Assert.Equal("/review?tab=deals", page.Find("[data-headline='Dash_DealsPendingReview']").GetAttribute("href"));
        Assert.NotEmpty(page.FindAll("[data-chart='Dash_RegistrationsByWeek'] svg"));
        var weeks = page.FindAll("[data-chart='Dash_RegistrationsByWeek'] thead time");
        Assert.Equal(DashboardService.WeeksShown, weeks.Count);
        Assert.All(weeks, w => Assert.Equal(DayOfWeek.Monday, DateOnly.Parse(w.GetAttribute("datetime")!, System.Globalization.CultureInfo.InvariantCulture).DayOfWeek));
        Assert.All(page.FindAll("[data-figure]"), a => Assert.StartsWith("/", a.GetAttribute("href"), StringComparison.Ordinal));
        Assert.Contains("每周报备（按结果）", page.Markup, StringComparison.Ordinal);
        Assert.Contains(page.FindAll("[data-chart='Dash_AgentsByTier'] [data-figure]"), a => a.GetAttribute("href") == "/agents?tier=Core&status=Active");
    }

    [Fact]
    public void Compliance_sees_open_cases_by_age_and_by_type_in_english()
    {
        UseCulture(PortalCultures.English);
        AddAuthorization().SetAuthorized("compliance@channels.local").SetRoles(PortalRoles.Compliance);

        var page = Render<Home>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-chart]").Count));
        Assert.Contains("Open cases by age", page.Markup, StringComparison.Ordinal);
        Assert.Contains("Over 90 days", page.Markup, StringComparison.Ordinal);
        Assert.StartsWith("/cases?penalizedFrom=", page.Find("[data-headline='Dash_PenaltiesThisYear']").GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reseller_sees_its_pipeline_expiring_customers_and_margin_as_links()
    {
        await SignInAsResellerAsync(_app, "CORE-GZ");

        var page = Render<Home>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-chart='Dash_MyPipeline']")));
        Assert.Equal("/customers?expiring=14", page.Find("[data-headline='Dash_MyExpiring14']").GetAttribute("href"));
        Assert.Equal("/customers?expiring=30", page.Find("[data-headline='Dash_MyExpiring30']").GetAttribute("href"));
        Assert.StartsWith("/deals?owner=Own&soldFrom=", page.Find("[data-headline='Dash_MyMarginThisQuarter']").GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains("¥", page.Find("[data-headline='Dash_MyMarginThisQuarter']").TextContent, StringComparison.Ordinal);
        Assert.Equal("/deals?owner=SubAgents", page.Find("[data-headline='Dash_SubAgentDeals']").GetAttribute("href"));
        Assert.All(page.FindAll("[data-chart='Dash_MyPipeline'] [data-figure]"), a => Assert.Contains("owner=Own", a.GetAttribute("href"), StringComparison.Ordinal));
    }

    [Fact]
    public void An_admin_keeps_the_account_counters_each_linking_to_the_accounts()
    {
        AddAuthorization().SetAuthorized("admin@channels.local").SetRoles(PortalRoles.Admin);

        var page = Render<Home>();

        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("[data-headline]").Count));
        Assert.Empty(page.FindAll("[data-chart]"));
        Assert.Equal("/admin/users?show=locked", page.Find("[data-headline='Dash_LockedUsers']").GetAttribute("href"));
        Assert.Equal("/audit", page.Find("[data-headline='Dash_AuditEntries']").GetAttribute("href"));
    }
}
