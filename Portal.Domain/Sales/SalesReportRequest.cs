using Portal.Domain.Deals;

namespace Portal.Domain.Sales;

/// <summary>A well-formed sales report.</summary>
public sealed record SalesReportRequest(IReadOnlyList<RequestedLine> Lines, DateOnly SoldOn);
