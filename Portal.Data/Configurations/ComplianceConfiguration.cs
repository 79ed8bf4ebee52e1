using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Agents;
using Portal.Domain.Compliance;
using Portal.Domain.Deals;
using Portal.Domain.Sales;

namespace Portal.Data.Configurations;

internal sealed class ViolationCaseConfiguration : IEntityTypeConfiguration<ViolationCase>
{
    public void Configure(EntityTypeBuilder<ViolationCase> builder)
    {
        builder.Property(c => c.Type).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.Source).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.State).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.Penalty).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.SubjectText).HasMaxLength(ViolationCase.SubjectTextMaxLength);
        builder.Property(c => c.Description).HasMaxLength(ViolationCase.DescriptionMaxLength);
        builder.Property(c => c.ReporterContact).HasMaxLength(ViolationCase.ReporterContactMaxLength);
        builder.Property(c => c.PenaltyReason).HasMaxLength(ViolationCase.DescriptionMaxLength);
        builder.Property(c => c.Investigator).HasMaxLength(ViolationCase.InvestigatorMaxLength);
        builder.Property(c => c.Facts).HasMaxLength(DetectedFacts.MaxLength);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasOne<Agent>().WithMany().HasForeignKey(c => c.SubjectAgentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DealRegistration>().WithMany().HasForeignKey(c => c.DealId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SalesReport>().WithMany().HasForeignKey(c => c.SalesReportId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.SubjectAgentId, c.State, c.ConfirmedAt });
        builder.HasIndex(c => new { c.State, c.OpenedAt });
        builder.HasIndex(c => new { c.Investigator, c.State });

        builder.HasMany(c => c.Evidence).WithOne().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Evidence).HasField("_evidence").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(c => c.Notes).WithOne().HasForeignKey(n => n.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Notes).HasField("_notes").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class CaseEvidenceConfiguration : IEntityTypeConfiguration<CaseEvidence>
{
    public void Configure(EntityTypeBuilder<CaseEvidence> builder)
    {
        builder.Property(e => e.Description).HasMaxLength(CaseEvidence.DescriptionMaxLength);
        builder.Property(e => e.FileName).HasMaxLength(CaseEvidence.FileNameMaxLength);
        builder.Property(e => e.Sha256).HasMaxLength(64).IsUnicode(false);
        builder.Property(e => e.AddedBy).HasMaxLength(256);
        builder.Property(e => e.ContentType).HasMaxLength(CaseEvidence.ContentTypeMaxLength).IsUnicode(false);
        builder.HasIndex(e => e.CaseId);
        builder.HasOne(e => e.File).WithOne().HasForeignKey<EvidenceFile>(f => f.EvidenceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EvidenceFileConfiguration : IEntityTypeConfiguration<EvidenceFile>
{
    public void Configure(EntityTypeBuilder<EvidenceFile> builder)
    {
        builder.ToTable("EvidenceFiles");
        builder.HasKey(f => f.EvidenceId);
        builder.Property(f => f.Content).IsRequired();
    }
}

internal sealed class CaseNoteConfiguration : IEntityTypeConfiguration<CaseNote>
{
    public void Configure(EntityTypeBuilder<CaseNote> builder)
    {
        builder.Property(n => n.Text).HasMaxLength(CaseNote.TextMaxLength);
        builder.Property(n => n.Author).HasMaxLength(256);
        builder.HasIndex(n => n.CaseId);
    }
}
