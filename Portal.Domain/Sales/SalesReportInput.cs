using Portal.Domain.Deals;

namespace Portal.Domain.Sales;

/// <summary>A sales report as the client sent it — <c>{lines:[{sku, quantity, unitPrice}], soldOn}</c> (DESIGN.md §7).</summary>
public sealed record SalesReportInput(IReadOnlyList<LineInput?>? Lines, DateOnly? SoldOn);
