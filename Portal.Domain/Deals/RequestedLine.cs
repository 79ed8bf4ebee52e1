namespace Portal.Domain.Deals;

/// <summary>A well-formed product line: a SKU on the price list, a positive whole quantity, a price in fen.</summary>
public sealed record RequestedLine(string Sku, int Quantity, decimal UnitPrice);
