namespace Portal.Domain.Sales;

/// <summary>A line as sold, next to the uniform price it is judged against (<see cref="SalesReportLine"/> stores both).</summary>
public sealed record SoldLine(string Sku, int Quantity, decimal UnitPrice, decimal UniformPrice)
{
    /// <summary>Uniform national price: a sale below it is discount selling (打折销售).</summary>
    public bool IsBelowUniformPrice => UnitPrice < UniformPrice;
}
