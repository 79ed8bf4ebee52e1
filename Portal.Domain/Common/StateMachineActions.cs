using Stateless;

namespace Portal.Domain.Common;

/// <summary>
/// The two questions every entity asks its state machine: "may this action be taken now, and if not why?" and
/// "take it, or refuse with a <see cref="DomainException"/> that says why".
/// </summary>
internal static class StateMachineActions
{
    public static ActionAvailability<TAction> Availability<TState, TTrigger, TAction>(this StateMachine<TState, TTrigger> machine, TAction action, TTrigger trigger)
        where TAction : struct, Enum =>
        From(action, machine.CanFire(trigger, out var unmet), unmet);

    public static ActionAvailability<TAction> Availability<TState, TTrigger, TAction, TArg>(
        this StateMachine<TState, TTrigger> machine, TAction action, StateMachine<TState, TTrigger>.TriggerWithParameters<TArg> trigger, TArg argument)
        where TAction : struct, Enum =>
        From(action, machine.CanFire(trigger, argument, out var unmet), unmet);

    /// <summary>Throws unless <paramref name="availability"/> allows the action; <paramref name="subject"/> names the entity in the message.</summary>
    public static void EnsureAllowed<TAction>(this ActionAvailability<TAction> availability, object state, string subject)
        where TAction : struct, Enum
    {
        if (availability.IsAllowed)
        {
            return;
        }

        throw availability.AppliesInState
            ? new DomainException(
                TransitionCode.GuardNotMet,
                $"{subject}: {availability.Action} is refused while {state} because a condition is unmet ({string.Join(", ", availability.UnmetGuards)}).")
            : new DomainException(TransitionCode.NotAllowedInState, $"{subject}: {availability.Action} is not possible while {state}.");
    }

    // Stateless reports an unmet guard only for a trigger the current state handles; no handler at all means the
    // action does not apply in this state.
    private static ActionAvailability<TAction> From<TAction>(TAction action, bool canFire, ICollection<string>? unmetGuards)
        where TAction : struct, Enum =>
        canFire
            ? new(action, true, [])
            : new(action, unmetGuards is { Count: > 0 }, unmetGuards is null ? [] : [.. unmetGuards]);
}
