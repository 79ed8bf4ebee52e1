namespace Portal.Domain.Common;

/// <summary>
/// Input that can never be right (DESIGN.md §7, "Invalid input versus a rule's refusal"): answered 400 with the
/// field and its code, and nothing is stored.
/// </summary>
public sealed record FieldError(string Field, string Code);
