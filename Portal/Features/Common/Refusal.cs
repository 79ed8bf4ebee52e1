using Portal.Domain.Common;

namespace Portal.Features;

/// <summary>
/// A use case that did not succeed, before it is typed: converts to any <see cref="UseCaseResult{T}"/>, so a service
/// method can <c>return Refusal.NotFound;</c> whatever its value type.
/// </summary>
public sealed record Refusal(UseCaseOutcome Outcome, IReadOnlyList<Reason> Reasons)
{
    // Codes that mark input that can never be right (DESIGN.md §7) rather than a policy refusal.
    private static readonly HashSet<string> InputCodes = new(StringComparer.Ordinal)
    {
        ReasonCode.Required, ReasonCode.TooLong, ReasonCode.InvalidUscc, ReasonCode.InvalidRegion, ReasonCode.InvalidDate,
        ReasonCode.InvalidValue, ReasonCode.InvalidCharacter, ReasonCode.InvalidPrice, ReasonCode.InvalidQuantity,
        ReasonCode.UnknownProduct, ReasonCode.ReasonRequired, UseCaseCode.UnknownCustomer, UseCaseCode.UnknownAgent,
    };

    public static Refusal NotFound { get; } = new(UseCaseOutcome.NotFound, [new Reason(UseCaseCode.NotFound)]);

    public static Refusal Throttled { get; } = new(UseCaseOutcome.Throttled, [new Reason(UseCaseCode.TooManyRequests)]);

    /// <summary>Field errors of the input; nothing is stored.</summary>
    public static Refusal Invalid(IEnumerable<Reason> errors) => new(UseCaseOutcome.Invalid, [.. errors]);

    /// <summary>One field error.</summary>
    public static Refusal Invalid(string field, string code) => Invalid([new Reason(code, field)]);

    /// <summary>A validator's field errors.</summary>
    public static Refusal Invalid<T>(Validated<T> validated)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(validated);
        return validated.IsValid
            ? throw new ArgumentException("Valid input is no refusal.", nameof(validated))
            : Invalid(validated.Errors);
    }

    public static Refusal Because(string code, string? field = null, string? detail = null) =>
        new(UseCaseOutcome.Refused, [new Reason(code, field, detail)]);

    /// <summary>
    /// A rule's refusal. When every reason is about malformed input (a USCC failing its check, a missing written reason)
    /// the outcome is <see cref="UseCaseOutcome.Invalid"/>, as DESIGN.md §7 answers such input; otherwise
    /// <see cref="UseCaseOutcome.Refused"/>, with every reason.
    /// </summary>
    public static Refusal Because(Decision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if (decision.IsAllowed)
        {
            throw new ArgumentException("An allowed decision is no refusal.", nameof(decision));
        }

        var outcome = decision.Reasons.All(r => InputCodes.Contains(r.Code)) ? UseCaseOutcome.Invalid : UseCaseOutcome.Refused;
        return new(outcome, decision.Reasons);
    }

    /// <summary>
    /// The state machine's answer before an action is taken: null when it allows it; otherwise not possible in the
    /// record's state (<see cref="TransitionCode.NotAllowedInState"/>, detail: the action), or held back by guards (one
    /// <see cref="TransitionCode.GuardNotMet"/> reason per guard key).
    /// </summary>
    public static Refusal? Unless<TAction>(ActionAvailability<TAction> availability)
        where TAction : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(availability);
        if (availability.IsAllowed)
        {
            return null;
        }

        return availability.AppliesInState
            ? new(UseCaseOutcome.Refused, [.. availability.UnmetGuards.Select(key => new Reason(TransitionCode.GuardNotMet, null, key))])
            : Because(TransitionCode.NotAllowedInState, null, availability.Action.ToString());
    }

    /// <summary>A refusal the domain raised itself (a stale page, a race): its code, no guard keys to add.</summary>
    public static Refusal From(DomainException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return Because(string.IsNullOrEmpty(exception.Code) ? TransitionCode.NotAllowedInState : exception.Code);
    }
}
