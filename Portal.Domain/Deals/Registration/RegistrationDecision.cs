using Portal.Domain.Common;
using Portal.Domain.Compliance;

namespace Portal.Domain.Deals.Registration;

/// <summary>
/// The decision on a submitted registration. <see cref="Reasons"/> holds every reason that applies, also on an
/// Approved or PendingReview registration (a Monitor-mode price deviation, a possible duplicate), so the reseller
/// sees everything that was noticed.
/// </summary>
public sealed record RegistrationDecision(
    RegistrationOutcome Outcome,
    IReadOnlyList<Reason> Reasons,
    DateTime? ProtectedUntil,
    IReadOnlyList<PricedLine> Lines,
    IReadOnlyList<PriceDeviation> PriceDeviations,
    CaseToOpen? DiscountSellingCase)
{
    public bool IsApproved => Outcome == RegistrationOutcome.Approved;

    public bool Has(string code) => Reasons.Any(r => r.Code == code);

    public IReadOnlyList<string> Codes => Reasons.Select(r => r.Code).Distinct().ToList();
}
