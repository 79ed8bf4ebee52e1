using System.Security.Claims;
using Bunit;
using Portal.Auth;
using Portal.Components.Common;
using Portal.Data.Identity;
using Portal.Domain.Agents;
using Portal.Features.Admin;

namespace Portal.Tests.Components;

public sealed class PolicyGateTests : PortalTestContext
{
    [Theory]
    [InlineData(PortalRoles.Admin, true)]
    [InlineData(PortalRoles.ChannelManager, false)]
    [InlineData(PortalRoles.Compliance, false)]
    [InlineData(PortalRoles.Reseller, false)]
    public void Gated_content_renders_only_for_those_who_hold_the_policy(string role, bool shown)
    {
        AddAuthorization().SetAuthorized("someone@channels.local").SetRoles(role);

        var gate = Render<PolicyGate>(p => p
            .Add(g => g.Policy, PortalPolicies.AdministerUsers)
            .AddChildContent("<button data-testid=\"gated\">act</button>"));

        Assert.Equal(shown, gate.FindAll("[data-testid='gated']").Count == 1);
        if (!shown)
        {
            Assert.Equal(string.Empty, gate.Markup.Trim());
        }
    }

    [Theory]
    [InlineData(nameof(AgentTier.Core), true)]
    [InlineData(nameof(AgentTier.Tier1), false)]
    public void A_policy_with_tiers_admits_only_resellers_of_those_tiers(string tier, bool shown)
    {
        AddAuthorization().SetAuthorized("someone@agents.example.cn").SetRoles(PortalRoles.Reseller).SetClaims(new Claim(PortalClaims.AgentTier, tier));

        var gate = Render<PolicyGate>(p => p.Add(g => g.Policy, PortalPolicies.Recruit).AddChildContent("<b data-testid=\"gated\">recruit</b>"));

        Assert.Equal(shown, gate.FindAll("[data-testid='gated']").Count == 1);
    }

    [Fact]
    public void Anonymous_visitors_see_nothing()
    {
        AddAuthorization();

        var gate = Render<PolicyGate>(p => p.Add(g => g.Policy, PortalPolicies.AdministerUsers).AddChildContent("<b>secret</b>"));

        Assert.Equal(string.Empty, gate.Markup.Trim());
    }

    [Fact]
    public void The_new_user_form_shows_its_fields_in_both_languages()
    {
        AddAuthorization().SetAuthorized("admin@channels.local").SetRoles(PortalRoles.Admin);
        Services.AddSingleton(new UserAdministration(null!, null!, null!, null!, null!)); // rendering calls none of it

        UseCulture("en");
        Assert.Contains("Initial password", Render<NewUserForm>(p => p.Add(f => f.OnCreated, () => { })).Markup, StringComparison.Ordinal);
        UseCulture("zh-CN");
        Assert.Contains("初始密码", Render<NewUserForm>(p => p.Add(f => f.OnCreated, () => { })).Markup, StringComparison.Ordinal);
    }
}
