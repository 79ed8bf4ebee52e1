using Portal.Domain.Compliance;

namespace Portal.Domain.Sales;

/// <summary>
/// What follows from a sales report: the lines to record (all of them, as reported), the violation cases to open,
/// and until when the customer is now the agent's developed customer (null when that time has already passed).
/// </summary>
public sealed record SalesEvaluation(IReadOnlyList<SoldLine> Lines, CaseToOpen? DiscountSellingCase, CaseToOpen? CrossRegionCase, DateTime? ProtectedUntil)
{
    public IEnumerable<CaseToOpen> CasesToOpen => new[] { DiscountSellingCase, CrossRegionCase }.OfType<CaseToOpen>();
}
