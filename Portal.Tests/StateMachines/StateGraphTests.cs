using System.Text.RegularExpressions;
using Portal.Domain.Agents;
using Portal.Domain.Authorizations;
using Portal.Domain.Compliance;
using Portal.Domain.Deals;

namespace Portal.Tests.StateMachines;

/// <summary>
/// The graphs the portal shows are the rules the code runs: each machine's exported Mermaid text is pinned to a
/// checked-in file (StateMachines/Graphs/*.mmd), so a change of rules shows up in review as a change of that file.
/// </summary>
public sealed partial class StateGraphTests
{
    private static readonly Dictionary<string, Machine> Machines = new(StringComparer.Ordinal)
    {
        ["AgentContract"] = new(Agent.StateGraphMermaid, Agent.StateGraphDot, AgentGuardKeys.All, Enum.GetNames<AgentAction>(), Enum.GetNames<ContractStatus>()),
        ["DealRegistration"] = new(DealRegistration.StateGraphMermaid, DealRegistration.StateGraphDot, DealGuardKeys.All, Enum.GetNames<DealAction>(), Enum.GetNames<DealStatus>()),
        ["CrossRegionAuthorization"] = new(CrossRegionAuthorization.StateGraphMermaid, CrossRegionAuthorization.StateGraphDot, AuthorizationGuardKeys.All, Enum.GetNames<AuthorizationAction>(), Enum.GetNames<AuthorizationStatus>()),
        ["ViolationCase"] = new(ViolationCase.StateGraphMermaid, ViolationCase.StateGraphDot, CaseGuardKeys.All, Enum.GetNames<CaseAction>(), Enum.GetNames<CaseState>()),
    };

    public static TheoryData<string> MachineNames() => [.. Machines.Keys];

    [Theory]
    [MemberData(nameof(MachineNames))]
    public void The_exported_mermaid_graph_is_the_checked_in_one(string machine)
    {
        var expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "StateMachines", "Graphs", machine + ".mmd"));

        var actual = Machines[machine].Mermaid();

        Assert.Equal(Normalize(expected), Normalize(actual));
    }

    [Theory]
    [MemberData(nameof(MachineNames))]
    public void The_graphs_show_exactly_the_machines_guard_keys_and_every_action(string machine)
    {
        var (mermaid, dot, guardKeys, actions, states) = Machines[machine];

        var shownGuards = GuardLabel().Matches(mermaid()).Select(m => m.Groups["key"].Value).ToHashSet(StringComparer.Ordinal);
        var shownTriggers = TriggerLabel().Matches(mermaid()).Select(m => m.Groups["trigger"].Value).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(guardKeys.ToHashSet(StringComparer.Ordinal), shownGuards);
        Assert.Equal(actions.ToHashSet(StringComparer.Ordinal), shownTriggers);
        Assert.All(guardKeys, key => Assert.Contains($"[{key}]", dot(), StringComparison.Ordinal));
        Assert.All(states, state => Assert.Contains($"\"{state}\"", dot(), StringComparison.Ordinal));
    }

    [Fact]
    public void Guard_keys_are_pascal_case_and_unique_across_machines()
    {
        var keys = Machines.Values.SelectMany(m => m.GuardKeys).ToList();

        Assert.All(keys, key => Assert.Matches(PascalCase(), key));
        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
    }

    private static string Normalize(string text) => text.ReplaceLineEndings("\n").Trim();

    [GeneratedRegex(@"\[(?<key>[A-Za-z]+)\]")]
    private static partial Regex GuardLabel();

    [GeneratedRegex(@"^\s*\w+ --> \w+ : (?<trigger>\w+)", RegexOptions.Multiline)]
    private static partial Regex TriggerLabel();

    [GeneratedRegex("^[A-Z][a-z]+(?:[A-Z][a-z]+)*$")]
    private static partial Regex PascalCase();

    private sealed record Machine(Func<string> Mermaid, Func<string> Dot, IReadOnlyList<string> GuardKeys, string[] Actions, string[] States);
}
