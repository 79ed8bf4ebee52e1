using System.Security.Claims;
using Bunit;
using Portal.Auth;
using Portal.Components.Layout;
using Portal.Data.Identity;
using Portal.Localization;

namespace Portal.Tests.Components;

public sealed class NavMenuTests : PortalTestContext
{
    [Theory]
    [InlineData(PortalRoles.ChannelManager, new[] { "Dashboard", "Deals", "Review", "Cases", "Agents", "Channel", "VendorDirect", "Customers", "Import", "PriceList", "Rules" })]
    [InlineData(PortalRoles.Reseller, new[] { "Dashboard", "Deals", "Customers", "Authorizations", "AgentCases", "PriceList", "Rules" })]
    [InlineData(PortalRoles.Compliance, new[] { "Dashboard", "Deals", "Cases", "Agents", "Channel", "Customers", "PriceList", "Rules", "AuditLog" })]
    [InlineData(PortalRoles.Admin, new[] { "Dashboard", "Rules", "AuditLog", "Users" })]
    public void Each_role_sees_its_own_areas_and_none_of_the_others(string role, string[] expected)
    {
        AddAuthorization().SetAuthorized("someone@channels.local").SetRoles(role);

        var menu = Render<NavMenu>();

        var shown = menu.FindAll("[data-nav]").Select(e => e.GetAttribute("data-nav")).ToList();
        Assert.Equal(expected, shown);
    }

    [Theory]
    [InlineData("Strategic", true)]
    [InlineData("Core", true)]
    [InlineData("Tier1", false)]
    [InlineData("Tier2", false)]
    public void Only_core_agents_and_above_see_sub_agents(string tier, bool shown)
    {
        AddAuthorization().SetAuthorized("someone@channels.local").SetRoles(PortalRoles.Reseller)
            .SetClaims(new Claim(PortalClaims.AgentTier, tier));

        var menu = Render<NavMenu>();

        var entries = menu.FindAll("[data-nav]").Select(e => e.GetAttribute("data-nav")).ToList();
        Assert.Equal(shown, entries.Contains("SubAgents"));
        Assert.Contains("Customers", entries);
        Assert.Contains("Authorizations", entries);
    }

    [Fact]
    public void Anonymous_visitors_see_no_menu()
    {
        AddAuthorization();

        var menu = Render<NavMenu>();

        Assert.Empty(menu.FindAll("[data-nav]"));
    }

    [Fact]
    public void Every_menu_entry_names_a_declared_policy()
    {
        Assert.All(PortalMenu.Items, item => Assert.Contains(item.Policy, PortalPolicies.All.Select(p => p.Name)));
    }

    [Fact]
    public void The_menu_speaks_the_current_language()
    {
        AddAuthorization().SetAuthorized("manager@channels.local").SetRoles(PortalRoles.ChannelManager);

        UseCulture(PortalCultures.Chinese);
        var chinese = Render<NavMenu>().Find("[data-nav='Agents']").TextContent.Trim();
        UseCulture(PortalCultures.English);
        var english = Render<NavMenu>().Find("[data-nav='Agents']").TextContent.Trim();

        Assert.Equal("代理商", chinese);
        Assert.Equal("Agents", english);
    }
}
