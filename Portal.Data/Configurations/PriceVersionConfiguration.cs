using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Agents;
using Portal.Domain.Pricing.Versions;

namespace Portal.Data.Configurations;

internal sealed class PriceListVersionConfiguration : IEntityTypeConfiguration<PriceListVersion>
{
    public void Configure(EntityTypeBuilder<PriceListVersion> builder)
    {
        builder.HasIndex(v => v.Number).IsUnique();

        // A version's prices and discounts are the rows of its instant: one version per instant.
        builder.HasIndex(v => v.EffectiveFrom).IsUnique();
        builder.Property(v => v.Note).HasMaxLength(PriceListVersion.NoteMaxLength);
        builder.Property(v => v.PublishedBy).HasMaxLength(PriceListVersion.PublisherMaxLength);
    }
}

internal sealed class PolicyAcknowledgementConfiguration : IEntityTypeConfiguration<PolicyAcknowledgement>
{
    public void Configure(EntityTypeBuilder<PolicyAcknowledgement> builder)
    {
        // One acknowledgement per agent and version: the first of its users to acknowledge it counts.
        builder.HasIndex(a => new { a.VersionId, a.AgentId }).IsUnique();
        builder.HasIndex(a => a.AgentId);
        builder.Property(a => a.AcknowledgedBy).HasMaxLength(PolicyAcknowledgement.UserMaxLength);
        builder.HasOne<PriceListVersion>().WithMany().HasForeignKey(a => a.VersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agent>().WithMany().HasForeignKey(a => a.AgentId).OnDelete(DeleteBehavior.Restrict);
    }
}
