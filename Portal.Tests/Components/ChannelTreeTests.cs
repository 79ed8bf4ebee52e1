using Bunit;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using Portal.Data.Identity;
using Portal.Features;
using Portal.Features.Agents;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Components;

/// <summary>The whole channel as a tree: vendor-signed agents at the top, children loaded when a node is opened, a search opening the tree to an agent.</summary>
public sealed class ChannelTreeTests : PortalTestContext, IClassFixture<PortalAppFixture>
{
    private readonly PortalAppFactory _app;

    public ChannelTreeTests(PortalAppFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        _app = fixture.App;
        UseApp(_app, typeof(AgentDetails), typeof(AgentDirectory), typeof(ReferenceData));
        AddAuthorization().SetAuthorized("compliance@channels.local").SetRoles(PortalRoles.Compliance);
    }

    [Fact]
    public void The_tree_starts_with_the_vendor_signed_agents_and_opening_one_loads_its_children()
    {
        var tree = Render<ChannelTree>();
        tree.WaitForElement("[data-agent='SP-SOUTH']");

        Assert.Equal(["SP-SOUTH", "CORE-BJ", "CORE-SZ", "T1-SH"], tree.FindAll("[data-depth='0']").Select(n => n.GetAttribute("data-agent")));
        Assert.Empty(tree.FindAll("[data-agent='CORE-GZ']"));
        Assert.Equal("1", tree.Find("[data-agent='SP-SOUTH'] [data-children]").GetAttribute("data-children"));

        tree.Find("[data-agent='SP-SOUTH'] [data-testid='expand']").Click();

        tree.WaitForAssertion(() => Assert.Equal("1", tree.Find("[data-agent='CORE-GZ']").GetAttribute("data-depth")));
        Assert.Equal("/agents/CORE-GZ", tree.Find("[data-agent='CORE-GZ'] [data-testid='tree-link']").GetAttribute("href"));
        Assert.Empty(tree.FindAll("[data-agent='T1-TIANHE']"));
    }

    [Fact]
    public async Task Choosing_a_searched_agent_opens_the_tree_along_its_ancestors_and_highlights_it()
    {
        var tree = Render<ChannelTree>();
        tree.WaitForElement("[data-agent='SP-SOUTH']");
        var search = tree.FindComponent<MudAutocomplete<AgentRow>>();
        await using var db = await _app.CreateContextAsync();
        var tianhe = await db.Agents.SingleAsync(a => a.Code == "T1-TIANHE");

        await tree.InvokeAsync(() => search.Instance.ValueChanged.InvokeAsync(new AgentRow(tianhe.Id, tianhe.Code, tianhe.LegalName, tianhe.Tier, tianhe.Status, "CORE-GZ", [], null)));

        tree.WaitForAssertion(() => Assert.Equal("true", tree.Find("[data-agent='T1-TIANHE']").GetAttribute("data-highlighted")));
        Assert.Equal("2", tree.Find("[data-agent='T1-TIANHE']").GetAttribute("data-depth"));
        Assert.NotEmpty(tree.FindAll("[data-agent='T2-YUEXIU']"));
        Assert.Empty(tree.FindAll("[data-agent='CORE-SZ']"));
        Assert.Contains("T1-TIANHE", tree.Find("[data-testid='tree-focus']").TextContent, StringComparison.Ordinal);
    }
}
