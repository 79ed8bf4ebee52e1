using Portal.Domain.Common;
using Portal.Domain.Deals;

namespace Portal.Features.Deals;

/// <summary>
/// The answer to a registration: input that can never be right (<see cref="Errors"/>, nothing stored), or the
/// stored registration with its status and every reason the rules gave.
/// </summary>
public sealed record RegistrationResult(
    IReadOnlyList<FieldError> Errors,
    int? DealId,
    DealStatus? Status,
    IReadOnlyList<Reason> Reasons,
    DateTime? ProtectedUntil)
{
    public bool IsValid => Errors.Count == 0;

    public static RegistrationResult Invalid(IReadOnlyList<FieldError> errors) => new(errors, null, null, [], null);

    public static RegistrationResult Registered(int dealId, DealStatus status, IReadOnlyList<Reason> reasons, DateTime? protectedUntil) =>
        new([], dealId, status, reasons, protectedUntil);
}
