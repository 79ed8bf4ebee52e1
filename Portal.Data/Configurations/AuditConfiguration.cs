using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Audit;

namespace Portal.Data.Configurations;

internal sealed class AuditConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditLog");
        builder.Property(e => e.Actor).HasMaxLength(AuditEntry.ActorMaxLength);
        builder.Property(e => e.Action).HasMaxLength(AuditEntry.ActionMaxLength).IsUnicode(false);
        builder.Property(e => e.EntityType).HasMaxLength(AuditEntry.EntityTypeMaxLength).IsUnicode(false);
        builder.Property(e => e.EntityId).HasMaxLength(AuditEntry.EntityIdMaxLength).IsUnicode(false);
        builder.Property(e => e.ReasonCodes).HasMaxLength(400).IsUnicode(false);
        builder.Property(e => e.PreviousHash).HasMaxLength(AuditEntry.HashLength).IsUnicode(false).IsFixedLength();
        builder.Property(e => e.Hash).HasMaxLength(AuditEntry.HashLength).IsUnicode(false).IsFixedLength();

        // The chain cannot fork: two writers appending the same sequence number collide here.
        builder.HasIndex(e => e.Sequence).IsUnique();
        builder.HasIndex(e => new { e.EntityType, e.EntityId });
        builder.HasIndex(e => e.At);

        // The log lists newest first by Id (which grows with Sequence: one append at a time, under the write lock), so
        // an action's entries come from this index already in order (ADR 43).
        builder.HasIndex(e => new { e.Action, e.Id });
        builder.HasIndex(e => new { e.Actor, e.Id });
        builder.HasIndex(e => new { e.EntityId, e.Id });
    }
}

internal sealed class AuditHeadConfiguration : IEntityTypeConfiguration<AuditHead>
{
    public void Configure(EntityTypeBuilder<AuditHead> builder)
    {
        builder.ToTable("AuditHead");
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.Hash).HasMaxLength(AuditEntry.HashLength).IsUnicode(false).IsFixedLength();
    }
}

internal sealed class AuditCheckpointConfiguration : IEntityTypeConfiguration<AuditCheckpoint>
{
    public void Configure(EntityTypeBuilder<AuditCheckpoint> builder)
    {
        builder.ToTable("AuditCheckpoints");
        builder.Property(c => c.Hash).HasMaxLength(AuditEntry.HashLength).IsUnicode(false).IsFixedLength();
        builder.HasIndex(c => c.Day).IsUnique();
    }
}
