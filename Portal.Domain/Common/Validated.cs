using System.Diagnostics.CodeAnalysis;

namespace Portal.Domain.Common;

/// <summary>
/// What a validator answers (DESIGN.md §7, "Invalid input versus a rule's refusal"): either a well-formed request the
/// rules can judge, or every field error found (a <see cref="Reason"/> whose <see cref="Reason.Field"/> names the input),
/// which makes the request a 400 that stores nothing.
/// </summary>
public sealed class Validated<T>
    where T : class
{
    internal Validated(T? value, IReadOnlyList<Reason> errors)
    {
        Value = errors.Count == 0 ? value ?? throw new ArgumentNullException(nameof(value)) : null;
        Errors = errors;
    }

    public T? Value { get; }

    public IReadOnlyList<Reason> Errors { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    public bool IsValid => Errors.Count == 0;
}
