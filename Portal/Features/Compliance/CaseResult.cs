using Portal.Domain.Common;
using Portal.Domain.Compliance;

namespace Portal.Features.Compliance;

/// <summary>How a compliance use case ended, in the terms a page or an endpoint answers with.</summary>
public enum CaseOutcome
{
    /// <summary>Done and committed (API: 200/201).</summary>
    Succeeded,

    /// <summary>Input that can never be right: <see cref="CaseResult{T}.Errors"/> name the fields; nothing was stored (API: 400).</summary>
    Invalid,

    /// <summary>
    /// Well-formed, but the rules or the case's state refuse it: <see cref="CaseResult{T}.Reasons"/> say why; nothing
    /// was changed (API: 409 or 422).
    /// </summary>
    Refused,

    /// <summary>No such case, or none the caller may see (API: 404).</summary>
    NotFound,
}

/// <summary>
/// The answer of a compliance use case: the value on success, otherwise the field errors (invalid input) or the
/// reasons (a refusal). A state-machine refusal is a reason with code <see cref="TransitionCode.NotAllowedInState"/>
/// (detail: the current state) or <see cref="TransitionCode.GuardNotMet"/> (detail: the guard key, shown as
/// <c>Guard_&lt;Key&gt;</c>).
/// </summary>
public sealed record CaseResult<T>(CaseOutcome Outcome, T? Value, IReadOnlyList<FieldError> Errors, IReadOnlyList<Reason> Reasons)
    where T : class
{
    public bool Succeeded => Outcome == CaseOutcome.Succeeded;

    /// <summary>The distinct codes of the refusal or of the field errors.</summary>
    public IReadOnlyList<string> Codes => [.. Reasons.Select(r => r.Code).Concat(Errors.Select(e => e.Code)).Distinct()];

    /// <summary>The guard keys that held a state-machine action back.</summary>
    public IReadOnlyList<string> UnmetGuards =>
        [.. Reasons.Where(r => r.Code == TransitionCode.GuardNotMet && r.Detail is not null).Select(r => r.Detail!)];

    /// <summary>The field errors in the shape of ProblemDetails' <c>errors</c> member (field → codes).</summary>
    public IDictionary<string, string[]> ErrorsByField() =>
        Errors.GroupBy(e => e.Field, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Code).Distinct().ToArray(), StringComparer.Ordinal);
}

/// <summary>Factories for <see cref="CaseResult{T}"/>.</summary>
public static class CaseResult
{
    public static CaseResult<T> Ok<T>(T value)
        where T : class => new(CaseOutcome.Succeeded, value, [], []);

    public static CaseResult<T> Invalid<T>(IEnumerable<FieldError> errors)
        where T : class => new(CaseOutcome.Invalid, null, [.. errors], []);

    public static CaseResult<T> Invalid<T>(string field, string code)
        where T : class => Invalid<T>([new FieldError(field, code)]);

    public static CaseResult<T> Refused<T>(IEnumerable<Reason> reasons)
        where T : class => new(CaseOutcome.Refused, null, [], [.. reasons]);

    public static CaseResult<T> Refused<T>(string code, string? field = null, string? detail = null)
        where T : class => Refused<T>([new Reason(code, field, detail)]);

    /// <summary>A state-machine refusal: the action does not apply in the current state, or its guards are unmet.</summary>
    public static CaseResult<T> Refused<T, TAction>(ActionAvailability<TAction> availability, object state)
        where T : class
        where TAction : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(availability);
        ArgumentNullException.ThrowIfNull(state);
        return availability.AppliesInState
            ? Refused<T>(availability.UnmetGuards.Select(key => new Reason(TransitionCode.GuardNotMet, null, key)))
            : Refused<T>(TransitionCode.NotAllowedInState, null, state.ToString());
    }

    public static CaseResult<T> NotFound<T>()
        where T : class => new(CaseOutcome.NotFound, null, [], []);
}

/// <summary>A case after a successful change: its id and its state now.</summary>
public sealed record CaseChange(int CaseId, CaseState State)
{
    public static CaseChange Of(ViolationCase violation)
    {
        ArgumentNullException.ThrowIfNull(violation);
        return new CaseChange(violation.Id, violation.State);
    }
}
