namespace Portal.Domain.Deals.Registration;

/// <summary>
/// A registered line with the prices in force at submission: the deal keeps them (<see cref="DealLine"/>), so a
/// later price change does not alter what was registered. Null prices only when the product had no price in force.
/// </summary>
public sealed record PricedLine(string Sku, int Quantity, decimal UnitPrice, decimal? UniformPrice, decimal? DiscountRate, decimal? PurchasePrice);
