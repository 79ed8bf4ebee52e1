namespace Portal.Domain.Common;

/// <summary>
/// The codes of the <see cref="DomainException"/> a state machine throws when it refuses an action. Unlike
/// <see cref="ReasonCode"/> they are not policy refusals: the portal asks the entity which actions are allowed before
/// offering them, so these surface only on a stale page, a race with another user, or a programming error.
/// </summary>
public static class TransitionCode
{
    /// <summary>The action has no transition from the entity's current state.</summary>
    public const string NotAllowedInState = "TRANSITION_NOT_ALLOWED";

    /// <summary>The action applies in the current state but one of its guards is unmet; the message names the guard keys.</summary>
    public const string GuardNotMet = "TRANSITION_GUARD_NOT_MET";
}
