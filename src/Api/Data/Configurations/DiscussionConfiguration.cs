using CommunityOfPractice.Domain.Discussions;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityOfPractice.Api.Data.Configurations;

internal sealed class ThreadConfiguration : IEntityTypeConfiguration<DiscussionThread>
{
    public void Configure(EntityTypeBuilder<DiscussionThread> builder)
    {
        builder.ToTable("threads");
        builder.Property(t => t.Title).HasMaxLength(DiscussionThread.TitleMaxLength);
        builder.Property(t => t.Stage).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(t => t.HashtagKeys).HasMethod("gin");
        builder.HasIndex(t => new { t.IsPinned, t.LastActivityAt, t.Id }).IsDescending();
        builder.HasMany(t => t.Places).WithMany().UsingEntity("thread_places");
        builder.HasOne<Domain.Community.Member>().WithMany().HasForeignKey(t => t.AuthorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PostConfiguration : IEntityTypeConfiguration<Post>
{
    public void Configure(EntityTypeBuilder<Post> builder)
    {
        builder.Property(p => p.Markdown).HasMaxLength(Post.BodyMaxLength);
        builder.Property(p => p.HiddenReason).HasMaxLength(Post.HiddenReasonMaxLength);
        builder.HasIndex(p => new { p.ThreadId, p.Number }).IsUnique();
        builder.HasOne<DiscussionThread>().WithMany().HasForeignKey(p => p.ThreadId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Domain.Community.Member>().WithMany().HasForeignKey(p => p.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Post>().WithMany().HasForeignKey(p => p.QuotedPostId).OnDelete(DeleteBehavior.SetNull);
        builder.OwnsMany(p => p.Revisions, revisions =>
        {
            revisions.ToTable("post_revisions");
            revisions.WithOwner().HasForeignKey(r => r.PostId);

            // A generated surrogate key: a new revision then has no key yet, so EF inserts it
            // (with a natural key it would take the new revision for a changed old one).
            revisions.Property<Guid>("Id").ValueGeneratedOnAdd();
            revisions.HasKey("Id");
            revisions.HasIndex(r => new { r.PostId, r.Number }).IsUnique();
        });
    }
}

internal sealed class ThreadReaderConfiguration : IEntityTypeConfiguration<ThreadReader>
{
    public void Configure(EntityTypeBuilder<ThreadReader> builder)
    {
        builder.HasKey(r => new { r.ThreadId, r.MemberId });
        builder.HasIndex(r => new { r.MemberId, r.IsFollowing });
        builder.HasOne<DiscussionThread>().WithMany().HasForeignKey(r => r.ThreadId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Domain.Community.Member>().WithMany().HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StreamEventConfiguration : IEntityTypeConfiguration<StoredStreamEvent>
{
    public void Configure(EntityTypeBuilder<StoredStreamEvent> builder)
    {
        builder.ToTable("stream_events");
        builder.HasKey(e => new { e.Stream, e.Seq });
        builder.Property(e => e.Stream).HasMaxLength(100);
        builder.Property(e => e.Kind).HasMaxLength(40);
        builder.Property(e => e.Data).HasColumnType("jsonb");

        // What the pruner looks for: the oldest first.
        builder.HasIndex(e => e.OccurredAt);
    }
}

internal sealed class StreamCounterConfiguration : IEntityTypeConfiguration<StreamCounter>
{
    public void Configure(EntityTypeBuilder<StreamCounter> builder)
    {
        builder.ToTable("streams");
        builder.HasKey(s => s.Name);
        builder.Property(s => s.Name).HasMaxLength(100);
    }
}
