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

        // Ids are version 7 (time first), so "newest first" is the primary key read backwards and
        // the page cursor is the last id; one action's entries, and everything about one person, likewise.
        builder.HasIndex(e => new { e.Action, e.Id }).IsDescending(false, true);
        builder.HasIndex(e => new { e.SubjectId, e.Id }).IsDescending(false, true);
        builder.HasIndex(e => new { e.ActorId, e.Id }).IsDescending(false, true);

        // People stay as ids; a member's row outlives their account (it becomes "Former member"),
        // so these keys hold, and the log is never emptied by a deletion.
        builder.HasOne<Member>().WithMany().HasForeignKey(e => e.ActorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(e => e.SubjectId).OnDelete(DeleteBehavior.Restrict);
    }
}
