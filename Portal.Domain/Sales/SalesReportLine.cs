namespace Portal.Domain.Sales;

/// <summary>A line actually sold: the price charged next to the uniform price in force on the sale date.</summary>
public sealed class SalesReportLine
{
    private SalesReportLine()
    {
    }

    public SalesReportLine(string sku, int quantity, decimal unitPrice, decimal uniformPrice)
    {
        Sku = sku;
        Quantity = quantity;
        UnitPrice = unitPrice;
        UniformPrice = uniformPrice;
    }

    public int Id { get; private set; }

    public int SalesReportId { get; private set; }

    public string Sku { get; private set; } = string.Empty;

    public int Quantity { get; private set; }

    public decimal UnitPrice { get; private set; }

    public decimal UniformPrice { get; private set; }

    /// <summary>Uniform national price: a sale below it is discount selling (打折销售).</summary>
    public bool IsBelowUniformPrice => UnitPrice < UniformPrice;
}
