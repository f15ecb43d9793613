using CommunityOfPractice.Domain.Community;
using CommunityOfPractice.Domain.Events;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityOfPractice.Api.Data.Configurations;

internal sealed class EventConfiguration : IEntityTypeConfiguration<CommunityEvent>
{
    public void Configure(EntityTypeBuilder<CommunityEvent> builder)
    {
        builder.ToTable("events");
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Title).HasMaxLength(CommunityEvent.TitleMaxLength);
        builder.Property(e => e.DescriptionMarkdown).HasMaxLength(CommunityEvent.DescriptionMaxLength);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Stage).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.TimeZone).HasMaxLength(CommunityEvent.TimeZoneMaxLength);
        builder.Property(e => e.Venue).HasMaxLength(CommunityEvent.VenueMaxLength);
        builder.Property(e => e.OnlineUrl).HasMaxLength(CommunityEvent.OnlineUrlMaxLength);
        builder.Property(e => e.CancellationReason).HasMaxLength(CommunityEvent.ReasonMaxLength);
        builder.HasIndex(e => new { e.Status, e.StartsAt });
        builder.HasIndex(e => e.HashtagKeys).HasMethod("gin");
        builder.HasMany(e => e.Places).WithMany().UsingEntity("event_places");
        builder.Navigation(e => e.Places).HasField("_places").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasOne<Member>().WithMany().HasForeignKey(e => e.HostId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(e => e.HostOrganisationId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(e => new { e.HostOrganisationId, e.StartsAt });
        builder.HasOne<Domain.Discussions.DiscussionThread>().WithMany().HasForeignKey(e => e.ThreadId).OnDelete(DeleteBehavior.SetNull);

        // The database holds the seat invariant too, as a last wall behind the row lock.
        builder.ToTable(t => t.HasCheckConstraint("ck_events_seats", "capacity IS NULL OR registered_count <= capacity"));
    }
}

internal sealed class RegistrationConfiguration : IEntityTypeConfiguration<Registration>
{
    public void Configure(EntityTypeBuilder<Registration> builder)
    {
        builder.ToTable("event_registrations");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Notice).HasMaxLength(CommunityEvent.ReasonMaxLength + 100);
        builder.HasIndex(r => new { r.EventId, r.MemberId }).IsUnique();
        builder.HasIndex(r => new { r.EventId, r.Status, r.ArrivalNumber });
        builder.HasIndex(r => r.MemberId);
        builder.HasOne<CommunityEvent>().WithMany().HasForeignKey(r => r.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class QuestionConfiguration : IEntityTypeConfiguration<Question>
{
    public void Configure(EntityTypeBuilder<Question> builder)
    {
        builder.ToTable("qa_questions");
        builder.Property(q => q.Id).ValueGeneratedNever();
        builder.Property(q => q.Text).HasMaxLength(Question.TextMaxLength);
        builder.Property(q => q.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(q => q.ModerationReason).HasMaxLength(Question.ReasonMaxLength);
        builder.Property(q => q.AnswerMarkdown).HasMaxLength(Question.AnswerMaxLength);
        builder.Property(q => q.Notice).HasMaxLength(200);
        builder.HasIndex(q => new { q.EventId, q.Status, q.CreatedAt });

        // Similar-question suggestions use trigram similarity on the text.
        builder.HasIndex(q => q.Text).HasMethod("gin").HasOperators("gin_trgm_ops");
        builder.HasOne<CommunityEvent>().WithMany().HasForeignKey(q => q.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(q => q.AuthorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Question>().WithMany().HasForeignKey(q => q.MergedIntoId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class QuestionVoteConfiguration : IEntityTypeConfiguration<QuestionVote>
{
    public void Configure(EntityTypeBuilder<QuestionVote> builder)
    {
        builder.ToTable("qa_votes");

        // One vote per person per question, held by the primary key.
        builder.HasKey(v => new { v.QuestionId, v.MemberId });
        builder.HasOne<Question>().WithMany().HasForeignKey(v => v.QuestionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(v => v.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> builder)
    {
        builder.ToTable("calendar_feeds");
        builder.HasKey(f => f.MemberId);
        builder.Property(f => f.TokenHash).HasMaxLength(64);
        builder.HasIndex(f => f.TokenHash).IsUnique();
        builder.HasOne<Member>().WithMany().HasForeignKey(f => f.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EventReminderConfiguration : IEntityTypeConfiguration<Features.Events.EventReminder>
{
    public void Configure(EntityTypeBuilder<Features.Events.EventReminder> builder)
    {
        builder.ToTable("event_reminders");
        builder.HasKey(r => new { r.EventId, r.LeadMinutes });
        builder.HasIndex(r => r.DueAt).HasFilter("sent_at IS NULL");
    }
}
