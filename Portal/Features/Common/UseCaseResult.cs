using System.Diagnostics.CodeAnalysis;
using Portal.Domain.Common;

namespace Portal.Features;

/// <summary>How a use case ended; the adapters map it to what a page shows and to an HTTP status (200/201, 400, 409, 404, 429).</summary>
public enum UseCaseOutcome
{
    /// <summary>Done and committed.</summary>
    Succeeded,

    /// <summary>Input that can never be right (DESIGN.md §7): every field error is listed and nothing was stored.</summary>
    Invalid,

    /// <summary>Well-formed, but the channel policy or the record's state machine refuses it; the reasons say why; nothing changed.</summary>
    Refused,

    /// <summary>The record does not exist for the caller (missing, or outside what the caller may see).</summary>
    NotFound,

    /// <summary>The caller asked too often (a rate limit such as the availability check's); nothing was done.</summary>
    Throttled,
}

/// <summary>
/// What every application service answers: the value on success, otherwise the reasons — each a <see cref="Reason"/>
/// with a stable code (<see cref="ReasonCode"/>, <see cref="UseCaseCode"/> or <see cref="TransitionCode"/>), the input
/// field it concerns (as the API body names it) and, for a state machine's refusal, the guard key or action in
/// <see cref="Reason.Detail"/>. Services answer with codes only; the adapters (<c>ToHttp</c> for the API,
/// <c>FormMessages</c> for pages) put them into the reader's language.
/// </summary>
public sealed class UseCaseResult<T>
{
    internal UseCaseResult(UseCaseOutcome outcome, T? value, IReadOnlyList<Reason> reasons)
    {
        Outcome = outcome;
        Value = value;
        Reasons = reasons;
    }

    public UseCaseOutcome Outcome { get; }

    public T? Value { get; }

    public IReadOnlyList<Reason> Reasons { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    public bool Succeeded => Outcome == UseCaseOutcome.Succeeded;

    /// <summary>The distinct reason codes, in the order they were found.</summary>
    public IReadOnlyList<string> Codes => [.. Reasons.Select(r => r.Code).Distinct()];

    /// <summary>The guard keys that held a state-machine action back (empty unless one did).</summary>
    public IReadOnlyList<string> UnmetGuards =>
        [.. Reasons.Where(r => r.Code == TransitionCode.GuardNotMet && r.Detail is not null).Select(r => r.Detail!)];

    public static implicit operator UseCaseResult<T>(Refusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return new(refusal.Outcome, default, refusal.Reasons);
    }

    public bool Has(string code) => Reasons.Any(r => r.Code == code);

    /// <summary>The same failure as a result of another value type (a failed step of a larger use case).</summary>
    public Refusal AsRefusal() =>
        Succeeded ? throw new InvalidOperationException("A use case that succeeded is no refusal.") : new Refusal(Outcome, Reasons);

    /// <summary>The same outcome with the value turned into <typeparamref name="TOther"/> (a refusal stays the refusal).</summary>
    public UseCaseResult<TOther> Map<TOther>(Func<T, TOther> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return Succeeded ? UseCaseResult.Ok(map(Value!)) : AsRefusal();
    }

    public override string ToString() => Succeeded ? $"Succeeded: {Value}" : $"{Outcome}: {string.Join(", ", Reasons)}";
}

public static class UseCaseResult
{
    public static UseCaseResult<T> Ok<T>(T value) => new(UseCaseOutcome.Succeeded, value, []);
}
