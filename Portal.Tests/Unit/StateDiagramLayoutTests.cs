using System.Text.Json;
using Portal.Features.Rules;

namespace Portal.Tests.Unit;

/// <summary>
/// The rules page's diagrams are laid out by the portal itself: every state and every transition is drawn, nothing
/// overlaps, the initial state comes first, and the same machine always gives the same drawing.
/// </summary>
public sealed class StateDiagramLayoutTests
{
    public static TheoryData<string> Machines() => [.. StateGraphs.All.Select(g => g.Key)];

    [Theory]
    [MemberData(nameof(Machines))]
    public void Every_state_is_a_node_and_every_transition_is_on_an_edge(string key)
    {
        var graph = StateGraphs.All.Single(g => g.Key == key);

        var layout = Lay(graph);

        var states = graph.Transitions.SelectMany(t => new[] { t.From, t.To }).Append(graph.Initial).Distinct();
        Assert.Equal(states.Order(), layout.Nodes.Select(n => n.State).Order());
        Assert.All(graph.Transitions, t => Assert.Single(layout.Edges, e => e.From == t.From && e.To == t.To && e.Actions.Contains(t.Action)));
    }

    [Fact]
    public void Parallel_transitions_are_one_edge_with_a_label_for_each_action()
    {
        var deals = StateGraphs.All.Single(g => g.Key == "DealRegistration");

        var back = Lay(deals).Edges.Single(e => e.From == "ExtensionRequested" && e.To == "Approved");

        Assert.Equal(["GrantExtension", "RefuseExtension", "TimeOut"], back.Actions);
        Assert.Equal(["label:GrantExtension", "label:RefuseExtension", "label:TimeOut"], back.Labels);
        Assert.True(back.IsBack);
    }

    [Theory]
    [MemberData(nameof(Machines))]
    public void No_two_states_or_labels_overlap(string key)
    {
        var layout = Lay(StateGraphs.All.Single(g => g.Key == key));

        var boxes = layout.Nodes.Select(n => (Name: n.State, n.Box)).Concat(layout.Edges.Select(e => (Name: $"{e.From}>{e.To}", Box: e.LabelBox))).ToList();
        var overlaps = boxes.SelectMany((a, i) => boxes.Skip(i + 1).Where(b => a.Box.Overlaps(b.Box)).Select(b => $"{a.Name} / {b.Name}")).ToList();
        Assert.Empty(overlaps);
        Assert.All(boxes, b => Assert.True(b.Box.X >= 0 && b.Box.Y >= 0 && b.Box.Right <= layout.Width && b.Box.Bottom <= layout.Height, b.Name));
    }

    [Theory]
    [MemberData(nameof(Machines))]
    public void The_initial_state_is_alone_in_the_first_layer_and_final_states_have_no_way_out(string key)
    {
        var graph = StateGraphs.All.Single(g => g.Key == key);

        var layout = Lay(graph);

        var initial = Assert.Single(layout.Nodes, n => n.IsInitial);
        Assert.Equal(graph.Initial, initial.State);
        Assert.Equal(0, initial.Layer);
        Assert.All(layout.Nodes.Where(n => n != initial), n => Assert.True(n.Layer > 0, n.State));
        Assert.All(layout.Nodes, n => Assert.Equal(!graph.Transitions.Any(t => t.From == n.State), n.IsFinal));
        Assert.All(layout.Nodes.Where(n => n != initial), n => Assert.True(n.Box.Y > initial.Box.Bottom, n.State));
    }

    [Theory]
    [MemberData(nameof(Machines))]
    public void Edges_run_from_their_source_to_their_target_and_only_back_edges_climb(string key)
    {
        var layout = Lay(StateGraphs.All.Single(g => g.Key == key));

        Assert.All(layout.Edges, edge =>
        {
            var (from, to) = (layout.Node(edge.From).Box, layout.Node(edge.To).Box);
            Assert.Equal(edge.IsBack ? from.Y : from.Bottom, edge.Points[0].Y);
            Assert.Equal(edge.IsBack ? to.Bottom : to.Y, edge.Points[^1].Y);
            Assert.Equal(edge.IsBack, layout.Node(edge.To).Layer < layout.Node(edge.From).Layer);
        });
    }

    [Fact]
    public void A_machine_returning_to_an_earlier_state_is_layered_without_its_back_edges()
    {
        var graph = StateGraphs.Parse("Loop", "", "[*] --> A\nA --> B : Go\nB --> C : Go\nC --> A : Restart\nB --> A : Undo\nC --> C : Stay");

        var layout = Lay(graph);

        Assert.Equal([0, 1, 2], layout.Nodes.Select(n => n.Layer));
        Assert.Equal([false, false, true, true, false], layout.Edges.Select(e => e.IsBack));
        Assert.Single(layout.Edges, e => e.From == "C" && e.To == "C");
    }

    [Theory]
    [MemberData(nameof(Machines))]
    public void The_same_machine_always_gives_the_same_drawing(string key)
    {
        var graph = StateGraphs.All.Single(g => g.Key == key);

        var first = JsonSerializer.Serialize(Lay(graph));
        var second = JsonSerializer.Serialize(Lay(graph));

        Assert.Equal(first, second);
    }

    [Fact]
    public void Chinese_characters_are_measured_wider_than_latin_letters()
    {
        Assert.Equal(24, StateDiagramLayout.TextWidth("报备", 12));
        Assert.True(StateDiagramLayout.TextWidth("ab", 12) < 24);
    }

    private static DiagramLayout Lay(StateGraph graph) =>
        StateDiagramLayout.Compute(graph, state => "state:" + state, action => "label:" + action);
}
