using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Agents;
using Portal.Domain.Customers;
using Portal.Domain.Deals;
using Portal.Domain.Regions;

namespace Portal.Data.Configurations;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> builder)
    {
        builder.Property(c => c.Uscc).HasMaxLength(Uscc.Length).IsUnicode(false);
        builder.HasIndex(c => c.Uscc).IsUnique();
        builder.Property(c => c.LegalName).HasMaxLength(CustomerName.MaxLength);
        builder.Property(c => c.NormalizedName).HasMaxLength(CustomerName.MaxLength);
        builder.Property(c => c.RegionCode).HasMaxLength(RegionCode.Length).IsUnicode(false);
        builder.Property(c => c.CityCode).HasMaxLength(RegionCode.Length).IsUnicode(false);
        builder.Property(c => c.Segment).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasOne<Region>().WithMany().HasForeignKey(c => c.RegionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.CityCode, c.NormalizedName });
        builder.HasIndex(c => c.RegionCode);

        // The customers grid pages by name (all customers, for vendor staff): read in index order, never sorted.
        builder.HasIndex(c => c.LegalName);

        builder.Ignore(c => c.Region);
    }
}

internal sealed class CustomerProtectionConfiguration : IEntityTypeConfiguration<CustomerProtection>
{
    public void Configure(EntityTypeBuilder<CustomerProtection> builder)
    {
        builder.ToTable("CustomerProtections");
        builder.Property(p => p.Basis).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.EndReason).HasConversion<string>().HasMaxLength(30);
        builder.HasOne<Customer>().WithMany().HasForeignKey(p => p.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agent>().WithMany().HasForeignKey(p => p.AgentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DealRegistration>().WithMany().HasForeignKey(p => p.DealId).OnDelete(DeleteBehavior.Restrict);

        // Customer protection: at most one open protection per customer, enforced by the database so that two
        // agents can never both hold a customer, whatever the code does. Square-bracket quoting is understood by
        // SQLite and SQL Server; PostgreSQL gets the same filter in double quotes (IndexFilters).
        builder.HasIndex(p => p.CustomerId).IsUnique().HasFilter("[EndedAt] IS NULL").HasDatabaseName("UX_CustomerProtections_OpenPerCustomer");
        builder.HasIndex(p => new { p.AgentId, p.EndedAt, p.Until });

        // The manager's dashboard counts the channel's protections in force and those ending in the next weeks (ADR 31):
        // a range on Until over every agent, which the per-agent index above cannot seek. Since completes the test of
        // "in force", so the counts read this index alone, never the rows (ADR 44).
        builder.HasIndex(p => new { p.EndedAt, p.Until, p.Since });
        builder.Ignore(p => p.IsOpen);
    }
}
