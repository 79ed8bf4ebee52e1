namespace Portal.Domain.Compliance;

/// <summary>A line whose price differs from the uniform national price in force (<paramref name="LineIndex"/> counts from 0).</summary>
public sealed record PriceDeviation(int LineIndex, string Sku, int Quantity, decimal UnitPrice, decimal UniformPrice)
{
    /// <summary>Uniform national price: below it is discount selling (打折销售).</summary>
    public bool IsBelowUniformPrice => UnitPrice < UniformPrice;

    /// <summary>How far the line is under (negative) or over the uniform price, for the whole quantity.</summary>
    public decimal TotalDifference => (UnitPrice - UniformPrice) * Quantity;
}
