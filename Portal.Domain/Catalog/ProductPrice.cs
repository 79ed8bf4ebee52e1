namespace Portal.Domain.Catalog;

/// <summary>One version of a product's uniform national price, in force from <see cref="EffectiveFrom"/>.</summary>
public sealed class ProductPrice
{
    private ProductPrice()
    {
    }

    internal ProductPrice(Product product, decimal uniformPrice, DateTime effectiveFrom)
    {
        Product = product;
        UniformPrice = uniformPrice;
        EffectiveFrom = effectiveFrom;
    }

    public int Id { get; private set; }

    public int ProductId { get; private set; }

    public Product Product { get; private set; } = null!;

    public decimal UniformPrice { get; private set; }

    public DateTime EffectiveFrom { get; private set; }
}
