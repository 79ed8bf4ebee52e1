using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Identity;
using Portal.Domain.Agents;
using Portal.Domain.Regions;

namespace Portal.Data.Configurations;

internal sealed class UserConfiguration : IEntityTypeConfiguration<PortalUser>
{
    public void Configure(EntityTypeBuilder<PortalUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(PortalUser.DisplayNameMaxLength);
        builder.Property(u => u.PreferredCulture).HasMaxLength(10).IsUnicode(false);
        builder.HasOne<Agent>().WithMany().HasForeignKey(u => u.AgentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => u.AgentId);
    }
}

internal sealed class UserRegionConfiguration : IEntityTypeConfiguration<PortalUserRegion>
{
    public void Configure(EntityTypeBuilder<PortalUserRegion> builder)
    {
        builder.ToTable("PortalUserRegions");
        builder.HasKey(r => new { r.UserId, r.RegionCode });
        builder.Property(r => r.RegionCode).HasMaxLength(RegionCode.Length).IsUnicode(false);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Region>().WithMany().HasForeignKey(r => r.RegionCode).OnDelete(DeleteBehavior.Restrict);
    }
}
