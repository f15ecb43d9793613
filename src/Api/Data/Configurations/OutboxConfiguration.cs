using CommunityOfPractice.Api.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityOfPractice.Api.Data.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("outbox_messages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Kind).HasMaxLength(40);
        builder.Property(m => m.Recipient).HasMaxLength(320);
        builder.Property(m => m.Subject).HasMaxLength(OutboxMessage.SubjectMaxLength);
        builder.Property(m => m.Refused).HasMaxLength(1000);
        builder.Property(m => m.Headers).HasColumnType("jsonb");
        builder.Property(m => m.Attachments).HasColumnType("jsonb");

        // What the sender asks for: unsent, not refused, due.
        builder.HasIndex(m => new { m.NextAttemptAt, m.CreatedAt }).HasFilter("sent_at IS NULL AND refused IS NULL");
    }
}
