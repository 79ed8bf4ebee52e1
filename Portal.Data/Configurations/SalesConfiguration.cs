using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Agents;
using Portal.Domain.Catalog;
using Portal.Domain.Customers;
using Portal.Domain.Deals;
using Portal.Domain.Sales;

namespace Portal.Data.Configurations;

internal sealed class SalesReportConfiguration : IEntityTypeConfiguration<SalesReport>
{
    public void Configure(EntityTypeBuilder<SalesReport> builder)
    {
        builder.Property(s => s.ReportedBy).HasMaxLength(256);
        builder.HasOne<DealRegistration>().WithMany().HasForeignKey(s => s.DealId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agent>().WithMany().HasForeignKey(s => s.AgentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Customer>().WithMany().HasForeignKey(s => s.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => s.DealId);
        builder.HasIndex(s => new { s.AgentId, s.SoldOn });
        builder.HasIndex(s => new { s.CustomerId, s.SoldOn });
        builder.HasMany(s => s.Lines).WithOne().HasForeignKey(l => l.SalesReportId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Lines).HasField("_lines").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class SalesReportLineConfiguration : IEntityTypeConfiguration<SalesReportLine>
{
    public void Configure(EntityTypeBuilder<SalesReportLine> builder)
    {
        builder.Property(l => l.Sku).HasMaxLength(Product.SkuMaxLength).IsUnicode(false);
        builder.HasIndex(l => l.SalesReportId);
        builder.Ignore(l => l.IsBelowUniformPrice);
    }
}
