using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Agents;
using Portal.Domain.Customers;
using Portal.Domain.Regions;

namespace Portal.Data.Configurations;

internal sealed class AgentConfiguration : IEntityTypeConfiguration<Agent>
{
    public void Configure(EntityTypeBuilder<Agent> builder)
    {
        builder.Property(a => a.Code).HasMaxLength(Agent.CodeMaxLength).IsUnicode(false);
        builder.HasIndex(a => a.Code).IsUnique();
        builder.Property(a => a.LegalName).HasMaxLength(Agent.NameMaxLength);
        builder.Property(a => a.Uscc).HasMaxLength(Uscc.Length).IsUnicode(false);
        builder.HasIndex(a => a.Uscc).IsUnique();
        builder.Property(a => a.Tier).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.ContactName).HasMaxLength(Agent.ContactMaxLength);
        builder.Property(a => a.ContactPhone).HasMaxLength(Agent.ContactMaxLength);
        builder.Property(a => a.ContactEmail).HasMaxLength(Agent.ContactMaxLength);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasOne(a => a.Parent).WithMany().HasForeignKey(a => a.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.ParentId);
        builder.HasIndex(a => new { a.Status, a.Tier });
        builder.Ignore(a => a.IsActive);

        builder.HasMany(a => a.Territory).WithOne(t => t.Agent).HasForeignKey(t => t.AgentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Territory).HasField("_territory").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class AgentTerritoryConfiguration : IEntityTypeConfiguration<AgentTerritory>
{
    public void Configure(EntityTypeBuilder<AgentTerritory> builder)
    {
        builder.HasKey(t => new { t.AgentId, t.RegionCode });
        builder.Property(t => t.RegionCode).HasMaxLength(RegionCode.Length).IsUnicode(false);
        builder.HasOne<Region>().WithMany().HasForeignKey(t => t.RegionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => t.RegionCode);
        builder.Ignore(t => t.Region);
    }
}

internal sealed class AgentLinkConfiguration : IEntityTypeConfiguration<AgentLink>
{
    public void Configure(EntityTypeBuilder<AgentLink> builder)
    {
        // Closure table: the key serves "descendants of X"; the second index serves "ancestors of Y".
        builder.HasKey(l => new { l.AncestorId, l.DescendantId });
        builder.HasIndex(l => new { l.DescendantId, l.Depth });
        builder.HasOne<Agent>().WithMany().HasForeignKey(l => l.AncestorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agent>().WithMany().HasForeignKey(l => l.DescendantId).OnDelete(DeleteBehavior.Restrict);
    }
}
