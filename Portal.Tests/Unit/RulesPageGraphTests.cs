using Portal.Features.Rules;

namespace Portal.Tests.Unit;

/// <summary>The rules page shows the machines the code runs: every transition of each exported graph, none invented.</summary>
public sealed class RulesPageGraphTests
{
    [Theory]
    [InlineData("AgentContract", "Applied")]
    [InlineData("DealRegistration", "Draft")]
    [InlineData("CrossRegionAuthorization", "Requested")]
    [InlineData("ViolationCase", "Reported")]
    public void Each_machine_is_read_with_its_initial_state_and_every_transition(string key, string initial)
    {
        var graph = StateGraphs.All.Single(g => g.Key == key);
        var pinned = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "StateMachines", "Graphs", key + ".mmd")).Count(l => l.Contains(" : ", StringComparison.Ordinal));

        Assert.Equal(initial, graph.Initial);
        Assert.Equal(pinned, graph.Transitions.Count);
    }

    [Fact]
    public void Guards_are_read_with_their_transition()
    {
        var extension = StateGraphs.All.Single(g => g.Key == "DealRegistration").Transitions.Single(t => t.Action == "RequestExtension");

        Assert.Equal(["ExtensionNotYetUsed", "ProtectionInForce"], extension.Guards);
    }
}
