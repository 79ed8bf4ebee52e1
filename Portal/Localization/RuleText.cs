using Microsoft.Extensions.Localization;
using Portal.Features.Rules;

namespace Portal.Localization;

/// <summary>
/// The words of the channel rules page in the reader's language, the same for its tables and its diagrams: a state
/// (by its machine's prefix), an action (<c>Trigger_&lt;Name&gt;</c>) and a guard (<c>Guard_&lt;Name&gt;</c>).
/// </summary>
public static class RuleText
{
    /// <summary>A state of <paramref name="graph"/>; the code's name itself when the table has no words for it.</summary>
    public static string State(IStringLocalizer localizer, StateGraph graph, string state)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return Lookup(localizer, graph.StatePrefix + state, state);
    }

    public static string Action(IStringLocalizer localizer, string action) => Lookup(localizer, "Trigger_" + action, action);

    public static string Guard(IStringLocalizer localizer, string guard) => Lookup(localizer, "Guard_" + guard, guard);

    private static string Lookup(IStringLocalizer localizer, string key, string fallback)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        var text = localizer[key];
        return text.ResourceNotFound ? fallback : text.Value;
    }
}
