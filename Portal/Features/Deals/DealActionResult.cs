using Portal.Domain.Common;

namespace Portal.Features.Deals;

/// <summary>
/// The answer to an action on an existing deal: done; refused by a rule (reason codes) or by the state machine
/// (unmet guard keys); invalid input (field errors, nothing stored); or not found (also when the caller may not see it).
/// </summary>
public sealed record DealActionResult(
    DealActionOutcome Outcome,
    IReadOnlyList<Reason> Reasons,
    IReadOnlyList<string> UnmetGuards,
    IReadOnlyList<FieldError> Errors,
    int? CreatedId = null)
{
    public bool Succeeded => Outcome == DealActionOutcome.Done;

    public static DealActionResult Done(int? createdId = null, IReadOnlyList<Reason>? notes = null) => new(DealActionOutcome.Done, notes ?? [], [], [], createdId);

    public static DealActionResult Refused(IReadOnlyList<Reason> reasons) => new(DealActionOutcome.Refused, reasons, [], []);

    public static DealActionResult NotAllowedNow(IReadOnlyList<string> unmetGuards) => new(DealActionOutcome.NotAllowedNow, [], unmetGuards, []);

    public static DealActionResult Invalid(IReadOnlyList<FieldError> errors) => new(DealActionOutcome.Invalid, [], [], errors);

    public static DealActionResult NotFound { get; } = new(DealActionOutcome.NotFound, [], [], []);
}

public enum DealActionOutcome
{
    Done,
    Refused,
    NotAllowedNow,
    Invalid,
    NotFound,
}
