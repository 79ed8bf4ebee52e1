using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Regions;

namespace Portal.Data.Configurations;

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> builder)
    {
        builder.HasKey(r => r.Code);
        builder.Property(r => r.Code).HasMaxLength(RegionCode.Length).IsUnicode(false);
        builder.Property(r => r.ParentCode).HasMaxLength(RegionCode.Length).IsUnicode(false);
        builder.Property(r => r.Level).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.NameZh).HasMaxLength(Region.NameMaxLength);
        builder.Property(r => r.NameEn).HasMaxLength(Region.NameMaxLength);
        builder.HasOne<Region>().WithMany().HasForeignKey(r => r.ParentCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.ParentCode);
    }
}
