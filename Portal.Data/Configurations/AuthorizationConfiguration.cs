using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Agents;
using Portal.Domain.Authorizations;
using Portal.Domain.Customers;
using Portal.Domain.Regions;

namespace Portal.Data.Configurations;

internal sealed class AuthorizationConfiguration : IEntityTypeConfiguration<CrossRegionAuthorization>
{
    public void Configure(EntityTypeBuilder<CrossRegionAuthorization> builder)
    {
        builder.Property(a => a.RegionCode).HasMaxLength(RegionCode.Length).IsUnicode(false);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.Reason).HasMaxLength(CrossRegionAuthorization.ReasonMaxLength);
        builder.Property(a => a.DecisionNote).HasMaxLength(CrossRegionAuthorization.ReasonMaxLength);
        builder.Property(a => a.DecidedBy).HasMaxLength(CrossRegionAuthorization.DecidedByMaxLength);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasOne<Agent>().WithMany().HasForeignKey(a => a.AgentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Region>().WithMany().HasForeignKey(a => a.RegionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Customer>().WithMany().HasForeignKey(a => a.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.AgentId, a.Status, a.ValidUntil });
        builder.HasIndex(a => new { a.Status, a.RequestedAt });
    }
}
