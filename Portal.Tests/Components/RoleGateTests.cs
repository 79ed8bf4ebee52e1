using Bunit;
using Portal.Components.Common;
using Portal.Data.Identity;
using Portal.Features.Admin;

namespace Portal.Tests.Components;

public sealed class RoleGateTests : PortalTestContext
{
    [Theory]
    [InlineData(PortalRoles.Admin, true)]
    [InlineData(PortalRoles.ChannelManager, false)]
    [InlineData(PortalRoles.Compliance, false)]
    [InlineData(PortalRoles.Reseller, false)]
    public void Gated_content_renders_only_for_its_roles(string role, bool shown)
    {
        AddAuthorization().SetAuthorized("someone@channels.local").SetRoles(role);

        var gate = Render<RoleGate>(p => p
            .Add(g => g.Roles, PortalRoles.Admin)
            .AddChildContent("<button data-testid=\"gated\">act</button>"));

        Assert.Equal(shown, gate.FindAll("[data-testid='gated']").Count == 1);
        if (!shown)
        {
            Assert.Equal(string.Empty, gate.Markup.Trim());
        }
    }

    [Fact]
    public void Anonymous_visitors_see_nothing()
    {
        AddAuthorization();

        var gate = Render<RoleGate>(p => p.Add(g => g.Roles, PortalRoles.Admin).AddChildContent("<b>secret</b>"));

        Assert.Equal(string.Empty, gate.Markup.Trim());
    }

    [Fact]
    public void The_new_user_form_shows_its_fields_in_both_languages()
    {
        AddAuthorization().SetAuthorized("admin@channels.local").SetRoles(PortalRoles.Admin);
        Services.AddSingleton(new UserAdministration(null!, null!, null!, TimeProvider.System)); // rendering calls none of it

        UseCulture("en");
        Assert.Contains("Initial password", Render<NewUserForm>(p => p.Add(f => f.OnCreated, () => { })).Markup, StringComparison.Ordinal);
        UseCulture("zh-CN");
        Assert.Contains("初始密码", Render<NewUserForm>(p => p.Add(f => f.OnCreated, () => { })).Markup, StringComparison.Ordinal);
    }
}
