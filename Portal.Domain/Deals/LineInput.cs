namespace Portal.Domain.Deals;

/// <summary>
/// One product line as a client sent it (<c>{sku, quantity, unitPrice}</c> in DESIGN.md §7), before validation.
/// Quantity is a decimal so that "2.5" reaches the rules and is answered INVALID_QUANTITY rather than failing to bind.
/// </summary>
public sealed record LineInput(string? Sku, decimal? Quantity, decimal? UnitPrice);
