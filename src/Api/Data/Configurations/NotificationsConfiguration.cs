using CommunityOfPractice.Api.Notifications;
using CommunityOfPractice.Domain.Notifications;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityOfPractice.Api.Data.Configurations;

internal sealed class NotificationJobConfiguration : IEntityTypeConfiguration<NotificationJob>
{
    public void Configure(EntityTypeBuilder<NotificationJob> builder)
    {
        builder.ToTable("notification_jobs");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(j => j.Audience).HasConversion<string>().HasMaxLength(16);
        builder.Property(j => j.Title).HasMaxLength(Notification.TitleMaxLength);
        builder.Property(j => j.Text).HasMaxLength(Notification.TextMaxLength);
        builder.Property(j => j.Link).HasMaxLength(Notification.LinkMaxLength);
        builder.Property(j => j.GroupKey).HasMaxLength(100);
        builder.Property(j => j.CountedTitle).HasMaxLength(Notification.TitleMaxLength);
        builder.HasIndex(j => new { j.CreatedAt, j.Id });
        builder.HasIndex(j => new { j.GroupKey, j.CreatedAt }).HasFilter("group_key IS NOT NULL");
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("notifications");
        builder.HasKey(n => n.Id);
        builder.Ignore(n => n.IsRead);
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(n => n.Delivery).HasConversion<string>().HasMaxLength(16);
        builder.Property(n => n.Title).HasMaxLength(Notification.TitleMaxLength);
        builder.Property(n => n.Text).HasMaxLength(Notification.TextMaxLength);
        builder.Property(n => n.Link).HasMaxLength(Notification.LinkMaxLength);
        builder.Property(n => n.GroupKey).HasMaxLength(100);
        builder.Property(n => n.Count).HasDefaultValue(1);

        // At most one unread notification per member and thing: more about it is counted into it.
        builder.HasIndex(n => new { n.MemberId, n.GroupKey }).IsUnique().HasFilter("read_at IS NULL AND group_key IS NOT NULL");

        // The list, newest first; and what waits for an email or a digest.
        builder.HasIndex(n => new { n.MemberId, n.CreatedAt, n.Id }).IsDescending(false, true, true);
        builder.HasIndex(n => new { n.MemberId, n.Delivery }).HasFilter("emailed_at IS NULL AND delivery IN ('Email', 'Daily', 'Weekly')");

        // What a post hidden or removed withdraws.
        builder.HasIndex(n => n.Link);
    }
}

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> builder)
    {
        builder.ToTable("notification_preferences");
        builder.HasKey(p => new { p.MemberId, p.Kind });
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(p => p.Delivery).HasConversion<string>().HasMaxLength(16);
    }
}

internal sealed class NotificationInboxConfiguration : IEntityTypeConfiguration<NotificationInbox>
{
    public void Configure(EntityTypeBuilder<NotificationInbox> builder)
    {
        builder.ToTable("notification_inboxes");
        builder.HasKey(i => i.MemberId);
    }
}

internal sealed class NotificationEmailLogConfiguration : IEntityTypeConfiguration<NotificationEmailLog>
{
    public void Configure(EntityTypeBuilder<NotificationEmailLog> builder)
    {
        builder.ToTable("notification_email_log");
        builder.HasKey(l => new { l.MemberId, l.GroupKey });
        builder.Property(l => l.GroupKey).HasMaxLength(100);
    }
}

internal sealed class NotificationDigestConfiguration : IEntityTypeConfiguration<NotificationDigest>
{
    public void Configure(EntityTypeBuilder<NotificationDigest> builder)
    {
        builder.ToTable("notification_digests");
        builder.HasKey(d => new { d.MemberId, d.Delivery });
        builder.Property(d => d.Delivery).HasConversion<string>().HasMaxLength(16);
    }
}
