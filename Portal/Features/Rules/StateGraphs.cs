using System.Text.RegularExpressions;
using Portal.Domain.Agents;
using Portal.Domain.Authorizations;
using Portal.Domain.Compliance;
using Portal.Domain.Deals;

namespace Portal.Features.Rules;

/// <summary>One transition of a state machine: from, by which action, to, under which guard conditions.</summary>
public sealed record StateTransition(string From, string Action, string To, IReadOnlyList<string> Guards);

/// <summary>A state machine as the code runs it: its initial state and transitions, read from its exported graph.</summary>
public sealed record StateGraph(string Key, string StatePrefix, string Initial, IReadOnlyList<StateTransition> Transitions);

/// <summary>
/// The four contract state machines, read from the graphs the domain exports (Stateless' Mermaid export), so the
/// rules users see are the rules the code runs.
/// </summary>
public static partial class StateGraphs
{
    public static IReadOnlyList<StateGraph> All { get; } =
    [
        Parse("AgentContract", "Contract_", Agent.StateGraphMermaid()),
        Parse("DealRegistration", "DealStatus_", DealRegistration.StateGraphMermaid()),
        Parse("CrossRegionAuthorization", "AuthorizationStatus_", CrossRegionAuthorization.StateGraphMermaid()),
        Parse("ViolationCase", "CaseState_", ViolationCase.StateGraphMermaid()),
    ];

    public static StateGraph Parse(string key, string statePrefix, string mermaid)
    {
        ArgumentNullException.ThrowIfNull(mermaid);
        var transitions = new List<StateTransition>();
        var initial = string.Empty;
        foreach (var line in mermaid.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (InitialLine().Match(line) is { Success: true } start)
            {
                initial = start.Groups["to"].Value;
            }
            else if (TransitionLine().Match(line) is { Success: true } m)
            {
                var guards = m.Groups["guard"].Captures.Select(c => c.Value).ToList();
                transitions.Add(new StateTransition(m.Groups["from"].Value, m.Groups["action"].Value, m.Groups["to"].Value, guards));
            }
        }

        return new StateGraph(key, statePrefix, initial, transitions);
    }

    [GeneratedRegex(@"^\[\*\] --> (?<to>\w+)$")]
    private static partial Regex InitialLine();

    [GeneratedRegex(@"^(?<from>\w+) --> (?<to>\w+) : (?<action>\w+)(?: \[(?<guard>\w+)\])*$")]
    private static partial Regex TransitionLine();
}
