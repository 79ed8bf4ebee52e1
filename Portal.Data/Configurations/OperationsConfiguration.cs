using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Identity;
using Portal.Data.Operations;

namespace Portal.Data.Configurations;

internal sealed class BackgroundLeaseConfiguration : IEntityTypeConfiguration<BackgroundLease>
{
    public void Configure(EntityTypeBuilder<BackgroundLease> builder)
    {
        builder.ToTable("BackgroundLeases");
        builder.HasKey(l => l.Name);
        builder.Property(l => l.Name).HasMaxLength(BackgroundLease.NameMaxLength).IsUnicode(false);
        builder.Property(l => l.Holder).HasMaxLength(BackgroundLease.HolderMaxLength);
    }
}

internal sealed class SignedOutSessionConfiguration : IEntityTypeConfiguration<SignedOutSession>
{
    public void Configure(EntityTypeBuilder<SignedOutSession> builder)
    {
        builder.ToTable("SignedOutSessions");
        builder.Property(s => s.Id).HasMaxLength(SignedOutSession.IdLength).IsUnicode(false).ValueGeneratedNever();
        builder.HasIndex(s => s.KeepUntil);
    }
}
