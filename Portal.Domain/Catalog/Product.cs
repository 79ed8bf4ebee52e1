using Portal.Domain.Common;

namespace Portal.Domain.Catalog;

/// <summary>A product sold through the channel, priced by a versioned uniform national price.</summary>
public sealed class Product
{
    public const int SkuMaxLength = 30;
    public const int NameMaxLength = 200;
    public const int UnitMaxLength = 30;

    private readonly List<ProductPrice> _prices = [];

    private Product()
    {
    }

    public Product(string sku, string nameZh, string nameEn, string unitZh, string unitEn)
    {
        Sku = Guard.Text(sku, SkuMaxLength, nameof(sku)).ToUpperInvariant();
        NameZh = Guard.Text(nameZh, NameMaxLength, nameof(nameZh));
        NameEn = Guard.Text(nameEn, NameMaxLength, nameof(nameEn));
        UnitZh = Guard.Text(unitZh, UnitMaxLength, nameof(unitZh));
        UnitEn = Guard.Text(unitEn, UnitMaxLength, nameof(unitEn));
        IsActive = true;
    }

    public int Id { get; private set; }

    public string Sku { get; private set; } = string.Empty;

    public string NameZh { get; private set; } = string.Empty;

    public string NameEn { get; private set; } = string.Empty;

    public string UnitZh { get; private set; } = string.Empty;

    public string UnitEn { get; private set; } = string.Empty;

    /// <summary>On sale: false once retired (DESIGN.md §9: no new deals; never deleted).</summary>
    public bool IsActive { get; private set; }

    /// <summary>When the product was retired, if it was.</summary>
    public DateTime? RetiredAt { get; private set; }

    public IReadOnlyCollection<ProductPrice> Prices => _prices.AsReadOnly();

    /// <summary>Adds a new version of the uniform price; earlier versions stay for deals submitted under them.</summary>
    public ProductPrice SetUniformPrice(decimal price, DateTime effectiveFrom)
    {
        if (price <= 0 || Money.Round(price) != price)
        {
            throw new ArgumentOutOfRangeException(nameof(price), "A uniform price is positive with at most two decimals.");
        }

        var version = new ProductPrice(this, price, Guard.Utc(effectiveFrom, nameof(effectiveFrom)));
        _prices.Add(version);
        return version;
    }

    /// <summary>Retires the product: it stays on file, with its prices, for the deals that already hold it, but is not sold again.</summary>
    /// <exception cref="DomainException">The product is already retired.</exception>
    public void Retire(DateTime at)
    {
        if (!IsActive)
        {
            throw new DomainException(ReasonCode.ProductRetired, $"{Sku} is already retired.");
        }

        IsActive = false;
        RetiredAt = Guard.Utc(at, nameof(at));
    }

    /// <summary>Uniform national price: the version in force at <paramref name="at"/>, if any.</summary>
    public ProductPrice? PriceAt(DateTime at) =>
        _prices.Where(p => p.EffectiveFrom <= at).MaxBy(p => p.EffectiveFrom);
}
