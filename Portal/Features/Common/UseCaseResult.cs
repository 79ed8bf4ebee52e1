using System.Diagnostics.CodeAnalysis;
using Portal.Domain.Common;

namespace Portal.Features;

/// <summary>How a use case ended; a page or an endpoint maps it to what it shows (an API: 200/201, 400, 409, 404).</summary>
public enum UseCaseOutcome
{
    /// <summary>Done and committed.</summary>
    Succeeded,

    /// <summary>Input that can never be right (DESIGN.md §7): every field error is listed and nothing was stored.</summary>
    Invalid,

    /// <summary>Well-formed, but the channel policy or the record's state machine refuses it; the reasons say why.</summary>
    Refused,

    /// <summary>The record does not exist for the caller (missing, or outside what the caller may see).</summary>
    NotFound,
}

/// <summary>
/// What an application service answers: the value on success, otherwise the reasons as <see cref="Reason"/>s (a code
/// from <see cref="ReasonCode"/>, <see cref="UseCaseCode"/> or <see cref="TransitionCode"/>, and the input field it
/// concerns). A state machine's refusal carries one <see cref="TransitionCode.GuardNotMet"/> reason per unmet guard,
/// its key in <see cref="Reason.Detail"/> (shown as <c>Guard_&lt;Key&gt;</c>), also listed in <see cref="UnmetGuards"/>.
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

    /// <summary>The reasons grouped by field, in the shape of ProblemDetails' <c>errors</c> (field → codes; "" for the request as a whole).</summary>
    public IDictionary<string, string[]> ReasonsByField() =>
        Reasons.GroupBy(r => r.Field ?? string.Empty, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(r => r.Code).Distinct().ToArray(), StringComparer.Ordinal);

    public override string ToString() => Succeeded ? $"Succeeded: {Value}" : $"{Outcome}: {string.Join(", ", Reasons)}";
}

public static class UseCaseResult
{
    public static UseCaseResult<T> Ok<T>(T value) => new(UseCaseOutcome.Succeeded, value, []);
}
