namespace Portal.Domain.Common;

/// <summary>
/// Whether an entity's action can be taken now. An action that does not apply in the current state is not offered
/// at all; one that applies but is held back by guards lists their keys, which the portal shows as
/// <c>Guard_&lt;Key&gt;</c> sentences next to the disabled action.
/// </summary>
/// <typeparam name="TAction">The entity's public action enum.</typeparam>
/// <param name="Action">The action asked about.</param>
/// <param name="AppliesInState">The current state has a transition for the action (guarded or not).</param>
/// <param name="UnmetGuards">The guard keys that hold the action back now; empty when it is allowed or does not apply.</param>
public sealed record ActionAvailability<TAction>(TAction Action, bool AppliesInState, IReadOnlyList<string> UnmetGuards)
    where TAction : struct, Enum
{
    public bool IsAllowed => AppliesInState && UnmetGuards.Count == 0;
}
