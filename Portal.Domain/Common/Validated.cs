using System.Diagnostics.CodeAnalysis;

namespace Portal.Domain.Common;

/// <summary>
/// The outcome of validating raw input: either a well-formed request the rules can judge, or the field errors that
/// make it a 400 (every one found, not only the first).
/// </summary>
public sealed class Validated<T>
    where T : class
{
    internal Validated(T? value, IReadOnlyList<FieldError> errors)
    {
        Value = errors.Count == 0 ? value ?? throw new ArgumentNullException(nameof(value)) : null;
        Errors = errors;
    }

    public T? Value { get; }

    public IReadOnlyList<FieldError> Errors { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    public bool IsValid => Errors.Count == 0;

    /// <summary>The errors grouped by field, in the shape of ProblemDetails' <c>errors</c> member (field → codes).</summary>
    public IDictionary<string, string[]> ErrorsByField() =>
        Errors.GroupBy(e => e.Field, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Code).Distinct().ToArray(), StringComparer.Ordinal);
}
