using CommunityOfPractice.Api.Infrastructure.Audit;
using CommunityOfPractice.Domain.Community;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityOfPractice.Api.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_entries");
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Action).HasMaxLength(AuditEntry.ActionMaxLength);
        builder.Property(e => e.Details).HasMaxLength(AuditEntry.DetailsMaxLength);

        // The admin's list, newest first (the time, then the id between entries of one instant),
        // whole, for one action, or for one person as actor or subject.
        builder.HasIndex(e => new { e.OccurredAt, e.Id }).IsDescending();
        builder.HasIndex(e => new { e.Action, e.OccurredAt, e.Id }).IsDescending(false, true, true);
        builder.HasIndex(e => new { e.SubjectId, e.OccurredAt }).IsDescending(false, true);
        builder.HasIndex(e => new { e.ActorId, e.OccurredAt }).IsDescending(false, true);

        // People stay as ids; a member's row outlives their account (it becomes "Former member"),
        // so these keys hold, and the log is never emptied by a deletion.
        builder.HasOne<Member>().WithMany().HasForeignKey(e => e.ActorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(e => e.SubjectId).OnDelete(DeleteBehavior.Restrict);
    }
}
