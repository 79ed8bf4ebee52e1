using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Catalog;

namespace Portal.Data.Configurations;

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.Property(p => p.Sku).HasMaxLength(Product.SkuMaxLength).IsUnicode(false);
        builder.HasIndex(p => p.Sku).IsUnique();
        builder.Property(p => p.NameZh).HasMaxLength(Product.NameMaxLength);
        builder.Property(p => p.NameEn).HasMaxLength(Product.NameMaxLength);
        builder.Property(p => p.UnitZh).HasMaxLength(Product.UnitMaxLength);
        builder.Property(p => p.UnitEn).HasMaxLength(Product.UnitMaxLength);
        builder.HasMany(p => p.Prices).WithOne(v => v.Product).HasForeignKey(v => v.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Prices).HasField("_prices").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ProductPriceConfiguration : IEntityTypeConfiguration<ProductPrice>
{
    public void Configure(EntityTypeBuilder<ProductPrice> builder)
    {
        builder.HasIndex(v => new { v.ProductId, v.EffectiveFrom }).IsUnique();
    }
}

internal sealed class TierDiscountConfiguration : IEntityTypeConfiguration<TierDiscount>
{
    public void Configure(EntityTypeBuilder<TierDiscount> builder)
    {
        builder.Property(d => d.Tier).HasConversion<string>().HasMaxLength(30);
        builder.Property(d => d.Rate).HasPrecision(TierDiscount.RatePrecision, TierDiscount.RateScale);
        builder.HasIndex(d => new { d.Tier, d.EffectiveFrom }).IsUnique();
    }
}
