namespace Portal.Domain.Deals;

/// <summary>One product line of a deal registration, with the uniform price in force when it was submitted.</summary>
public sealed class DealLine
{
    private DealLine()
    {
    }

    public DealLine(string sku, int quantity, decimal unitPrice, decimal uniformPrice, decimal purchasePrice)
    {
        Sku = sku;
        Quantity = quantity;
        UnitPrice = unitPrice;
        UniformPrice = uniformPrice;
        PurchasePrice = purchasePrice;
    }

    public int Id { get; private set; }

    public int DealId { get; private set; }

    public string Sku { get; private set; } = string.Empty;

    public int Quantity { get; private set; }

    /// <summary>The price quoted to the customer.</summary>
    public decimal UnitPrice { get; private set; }

    public decimal UniformPrice { get; private set; }

    /// <summary>What the agent pays the vendor per unit, at its tier's discount.</summary>
    public decimal PurchasePrice { get; private set; }
}
