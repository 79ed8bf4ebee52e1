using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Identity;
using Portal.Domain.Notifications;

namespace Portal.Data.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.RecipientId).HasMaxLength(Notification.UserIdMaxLength);
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(n => n.Link).HasMaxLength(Notification.LinkMaxLength);
        builder.Property(n => n.Arguments).HasMaxLength(Notification.ArgumentsMaxLength);
        builder.Property(n => n.OnceKey).HasMaxLength(Notification.OnceKeyMaxLength).IsUnicode(false);
        builder.Property(n => n.Mail).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.MailError).HasMaxLength(Notification.MailErrorMaxLength);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(n => n.RecipientId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(n => n.IsRead);

        // A reader's list, newest first, and its unread count.
        builder.HasIndex(n => new { n.RecipientId, n.ReadAt, n.Id });

        // The mail worker's queue: pending messages in the order they are due.
        builder.HasIndex(n => new { n.Mail, n.MailNextAttemptAt });

        // A reminder exists at most once per reader, whatever runs the job twice (square brackets suit both providers).
        builder.HasIndex(n => new { n.RecipientId, n.OnceKey }).IsUnique().HasFilter("[OnceKey] IS NOT NULL").HasDatabaseName("UX_Notifications_Once");
    }
}

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> builder)
    {
        builder.HasKey(p => new { p.UserId, p.Kind });
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(40);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
