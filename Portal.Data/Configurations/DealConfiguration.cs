using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Agents;
using Portal.Domain.Catalog;
using Portal.Domain.Customers;
using Portal.Domain.Deals;

namespace Portal.Data.Configurations;

internal sealed class DealConfiguration : IEntityTypeConfiguration<DealRegistration>
{
    public void Configure(EntityTypeBuilder<DealRegistration> builder)
    {
        builder.ToTable("Deals");
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(30);
        builder.Property(d => d.ExtensionReason).HasMaxLength(DealRegistration.ReasonTextMaxLength);
        builder.Property(d => d.DecisionNote).HasMaxLength(DealRegistration.ReasonTextMaxLength);
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.HasOne<Agent>().WithMany().HasForeignKey(d => d.AgentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Customer>().WithMany().HasForeignKey(d => d.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.AgentId, d.Status });
        builder.HasIndex(d => new { d.CustomerId, d.Status });
        builder.HasIndex(d => new { d.Status, d.CreatedAt });

        // The deals list sorted by protection end reads this index forwards or backwards (ADR 43).
        builder.HasIndex(d => new { d.ProtectedUntil, d.Id });

        // A status filter lists newest first straight from this index.
        builder.HasIndex(d => new { d.Status, d.Id });
        builder.Ignore(d => d.Total);

        builder.HasMany(d => d.Lines).WithOne().HasForeignKey(l => l.DealId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Lines).HasField("_lines").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(d => d.Reasons).WithOne().HasForeignKey(r => r.DealId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Reasons).HasField("_reasons").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class DealLineConfiguration : IEntityTypeConfiguration<DealLine>
{
    public void Configure(EntityTypeBuilder<DealLine> builder)
    {
        builder.ToTable("DealLines");
        builder.Property(l => l.Sku).HasMaxLength(Product.SkuMaxLength).IsUnicode(false);
        builder.HasIndex(l => l.DealId);
    }
}

internal sealed class DealReasonConfiguration : IEntityTypeConfiguration<DealReason>
{
    public void Configure(EntityTypeBuilder<DealReason> builder)
    {
        builder.ToTable("DealReasons");
        builder.Property(r => r.Code).HasMaxLength(DealReason.CodeMaxLength).IsUnicode(false);
        builder.Property(r => r.Field).HasMaxLength(DealReason.FieldMaxLength).IsUnicode(false);
        builder.HasIndex(r => r.DealId);

        // The deals list's reason filter starts from the reason's rows (ADR 43).
        builder.HasIndex(r => new { r.Code, r.DealId });
    }
}
