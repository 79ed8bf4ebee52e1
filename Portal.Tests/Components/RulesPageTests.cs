using Bunit;
using Portal.Features.Rules;
using Portal.Localization;

namespace Portal.Tests.Components;

/// <summary>The channel rules page draws each state machine beside its table, in the reader's language.</summary>
public sealed class RulesPageTests : PortalTestContext
{
    [Theory]
    [InlineData(PortalCultures.Chinese, "DealRegistration", "Draft", "草稿")]
    [InlineData(PortalCultures.English, "DealRegistration", "Draft", "Draft")]
    [InlineData(PortalCultures.Chinese, "AgentContract", "UnderReview", "审核中")]
    [InlineData(PortalCultures.English, "AgentContract", "UnderReview", "Under review")]
    public void Each_machine_is_drawn_once_with_a_box_for_every_state_named_in_the_readers_language(string culture, string machine, string state, string name)
    {
        UseCulture(culture);
        AddAuthorization().SetAuthorized("someone@channels.local");

        var page = Render<RulesPage>();

        Assert.Equal(StateGraphs.All.Select(g => g.Key), page.FindAll("svg[data-diagram]").Select(s => s.GetAttribute("data-diagram")));
        foreach (var graph in StateGraphs.All)
        {
            var diagram = page.Find($"[data-graph='{graph.Key}'] svg[data-diagram]");
            Assert.Empty(diagram.QuerySelectorAll("text text"));
            var states = graph.Transitions.SelectMany(t => new[] { t.From, t.To }).Append(graph.Initial).Distinct();
            Assert.Equal(states.Order(), diagram.QuerySelectorAll("[data-state]").Select(n => n.GetAttribute("data-state")!).Order());
            Assert.All(diagram.QuerySelectorAll("[data-state]"), node =>
                Assert.Equal(RuleText.State(Localizer, graph, node.GetAttribute("data-state")!), node.TextContent.Trim()));
            if (culture == PortalCultures.Chinese)
            {
                Assert.All(diagram.QuerySelectorAll("text"), text => Assert.DoesNotMatch("^[A-Za-z ]+$", text.TextContent));
            }
        }

        Assert.Equal(name, page.Find($"svg[data-diagram='{machine}'] [data-state='{state}']").TextContent.Trim());
    }

    [Theory]
    [InlineData(PortalCultures.Chinese, "状态图：报备", "草稿", "过期")]
    [InlineData(PortalCultures.English, "State diagram: Deal registration (报备)", "Draft", "Expired")]
    public void A_diagram_is_an_image_named_after_its_machine_describing_where_it_starts_and_ends(string culture, string title, string initial, string final)
    {
        UseCulture(culture);
        AddAuthorization().SetAuthorized("someone@channels.local");

        var diagram = Render<RulesPage>().Find("svg[data-diagram='DealRegistration']");

        Assert.Equal("img", diagram.GetAttribute("role"));
        Assert.Equal("diagram-DealRegistration-title diagram-DealRegistration-desc", diagram.GetAttribute("aria-labelledby"));
        Assert.Equal(title, diagram.QuerySelector("title")!.TextContent);
        Assert.Contains(initial, diagram.QuerySelector("desc")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(final, diagram.QuerySelector("desc")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", diagram.QuerySelector("[data-state='Draft']")!.GetAttribute("data-initial"));
        Assert.Equal("true", diagram.QuerySelector("[data-state='Won']")!.GetAttribute("data-final"));
    }

    [Fact]
    public void Parallel_transitions_are_drawn_as_one_arrow_naming_each_action()
    {
        UseCulture(PortalCultures.English);
        AddAuthorization().SetAuthorized("someone@channels.local");

        var arrow = Render<RulesPage>().Find("svg[data-diagram='DealRegistration'] [data-edge='ExtensionRequested>Approved']");

        Assert.Equal(["Grant the extension", "Refuse the extension", "Time out"], arrow.QuerySelectorAll("text").Select(t => t.TextContent));
    }

    private Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> Localizer =>
        Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>();
}
