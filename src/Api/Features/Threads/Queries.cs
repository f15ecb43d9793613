using System.Globalization;
using System.Text;
using CommunityOfPractice.Api.Data;
using CommunityOfPractice.Api.Live;
using CommunityOfPractice.Api.Infrastructure;
using CommunityOfPractice.Domain.Community;
using CommunityOfPractice.Domain.Discussions;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace CommunityOfPractice.Api.Features.Threads;

public sealed record ThreadPage(IReadOnlyList<ThreadSummary> Items, string? Next);

public sealed record PostPage(IReadOnlyList<PostView> Items, int? Next, long LastSeq);

public sealed record RevisionView(int Number, string Html, DateTimeOffset EditedAt);

/// <summary>
/// Threads by latest activity (pinned first), filtered by tag, place, stage or followed, with a
/// keyset cursor over (pinned, last activity, id): no OFFSET, so every page costs the same.
/// </summary>
public static class ListThreads
{
    public const int DefaultLimit = 25;
    public const int MaxLimit = 100;

    public sealed record Query(Guid MemberId, string? Tag, Guid? PlaceId, FrameworkStage? Stage, bool Followed, string? After, int? Limit)
        : IQuery<ThreadPage>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Limit).InclusiveBetween(1, MaxLimit).When(q => q.Limit is not null)
                .WithMessage($"Ask for 1 to {MaxLimit} threads at a time.");
            RuleFor(q => q.After).Must(after => Cursor.TryRead(after, out _)).When(q => q.After is not null)
                .WithMessage("This page link is not valid; start from the first page.");
            RuleFor(q => q.Tag).MaximumLength(50).WithMessage("A tag has at most 50 characters.");
            RuleFor(q => q.Stage).IsInEnum().WithMessage("Choose one of the five framework stages.");
        }
    }

    internal sealed class Handler(AppDbContext db) : IQueryHandler<Query, ThreadPage>
    {
        public async ValueTask<ThreadPage> Handle(Query query, CancellationToken cancellationToken)
        {
            var limit = query.Limit ?? DefaultLimit;
            var threads = db.Threads.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(query.Tag))
            {
                var key = Hashtags.Key(query.Tag);
                threads = threads.Where(t => t.HashtagKeys.Contains(key));
            }

            if (query.PlaceId is { } placeId)
            {
                threads = threads.Where(t => t.Places.Any(p => p.Id == placeId));
            }

            if (query.Stage is { } stage)
            {
                threads = threads.Where(t => t.Stage == stage);
            }

            if (query.Followed)
            {
                threads = threads.Where(t => db.ThreadReaders.Any(r => r.ThreadId == t.Id && r.MemberId == query.MemberId && r.IsFollowing));
            }

            if (Cursor.TryRead(query.After, out var after) && after is var (pinned, at, id))
            {
                threads = threads.Where(t => (pinned && !t.IsPinned)
                    || (t.IsPinned == pinned && (t.LastActivityAt < at || (t.LastActivityAt == at && t.Id.CompareTo(id) < 0))));
            }

            var ordered = threads.OrderByDescending(t => t.IsPinned).ThenByDescending(t => t.LastActivityAt).ThenByDescending(t => t.Id)
                .Take(limit + 1);
            var items = await db.Summaries(ordered, query.MemberId).ToListAsync(cancellationToken);
            var next = items.Count > limit ? Cursor.Write(items[limit - 1]) : null;
            return new ThreadPage(items.Take(limit).ToList(), next);
        }
    }

    internal static class Cursor
    {
        public static string Write(ThreadSummary last) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"{(last.IsPinned ? 1 : 0)}|{last.LastActivityAt.UtcTicks}|{last.Id:N}")));

        public static bool TryRead(string? cursor, out (bool Pinned, DateTimeOffset At, Guid Id)? position)
        {
            position = null;
            if (string.IsNullOrEmpty(cursor))
            {
                return true;
            }

            try
            {
                var parts = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(cursor)).Split('|');
                if (parts.Length != 3 || parts[0] is not ("0" or "1")
                    || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                    || ticks > DateTimeOffset.MaxValue.UtcTicks || !Guid.TryParseExact(parts[2], "N", out var id))
                {
                    return false;
                }

                position = (parts[0] == "1", new DateTimeOffset(ticks, TimeSpan.Zero), id);
                return true;
            }
            catch (FormatException)
            {
                return false;
            }
        }
    }
}

public static class GetThread
{
    public sealed record Query(Reader Reader, Guid ThreadId) : IQuery<ThreadDetail>;

    internal sealed class Handler(AppDbContext db) : IQueryHandler<Query, ThreadDetail>
    {
        public async ValueTask<ThreadDetail> Handle(Query query, CancellationToken cancellationToken) =>
            await db.DetailAsync(query.ThreadId, query.Reader, cancellationToken)
            ?? throw new NotFoundException("There is no such thread.");
    }
}

/// <summary>Posts in order after a number: a thread of 10,000 posts opens as fast as one of 10.</summary>
public static class ListPosts
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public sealed record Query(Reader Reader, Guid ThreadId, int? After, int? Limit) : IQuery<PostPage>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Limit).InclusiveBetween(1, MaxLimit).When(q => q.Limit is not null)
                .WithMessage($"Ask for 1 to {MaxLimit} posts at a time.");
            RuleFor(q => q.After).GreaterThanOrEqualTo(0).When(q => q.After is not null).WithMessage("A post number is 0 or more.");
        }
    }

    internal sealed class Handler(AppDbContext db) : IQueryHandler<Query, PostPage>
    {
        public async ValueTask<PostPage> Handle(Query query, CancellationToken cancellationToken)
        {
            // The sequence number is read first: events after it may already be in the page, and
            // the client drops those duplicates; read after, one could be missed.
            var lastSeq = await db.LastSeqAsync(DiscussionThread.StreamName(query.ThreadId), cancellationToken);
            if (lastSeq == 0 && !await db.Threads.AnyAsync(t => t.Id == query.ThreadId, cancellationToken))
            {
                throw new NotFoundException("There is no such thread.");
            }

            var limit = query.Limit ?? DefaultLimit;
            var after = query.After ?? 0;
            var rows = await db.Posts.AsNoTracking()
                .Where(p => p.ThreadId == query.ThreadId && p.Number > after)
                .OrderBy(p => p.Number)
                .Take(limit + 1)
                .Select(PostViews.Row(db))
                .ToListAsync(cancellationToken);
            var next = rows.Count > limit ? rows[limit - 1].Number : (int?)null;
            return new PostPage([.. rows.Take(limit).Select(r => r.ToView(query.Reader))], next, lastSeq);
        }
    }
}

/// <summary>Earlier texts of an edited post, oldest first, for anyone who may read the post.</summary>
public static class ListRevisions
{
    public sealed record Query(Reader Reader, Guid PostId) : IQuery<IReadOnlyList<RevisionView>>;

    internal sealed class Handler(AppDbContext db) : IQueryHandler<Query, IReadOnlyList<RevisionView>>
    {
        public async ValueTask<IReadOnlyList<RevisionView>> Handle(Query query, CancellationToken cancellationToken)
        {
            var post = await db.Posts.AsNoTracking().Where(p => p.Id == query.PostId)
                .Select(p => new { p.IsDeleted, p.IsHidden, Revisions = p.Revisions.OrderBy(r => r.Number).Select(r => new RevisionView(r.Number, r.Html, r.WrittenAt)).ToList() })
                .SingleOrDefaultAsync(cancellationToken);
            return post is null || post.IsDeleted || (post.IsHidden && !query.Reader.IsModerator)
                ? throw new NotFoundException("There is no such post.")
                : post.Revisions;
        }
    }
}

/// <summary>One post as this reader may see it (the edit page starts from it).</summary>
public static class GetPost
{
    public sealed record Query(Reader Reader, Guid PostId) : IQuery<PostView>;

    internal sealed class Handler(AppDbContext db) : IQueryHandler<Query, PostView>
    {
        public async ValueTask<PostView> Handle(Query query, CancellationToken cancellationToken)
        {
            var row = await db.Posts.AsNoTracking().Where(p => p.Id == query.PostId).Select(PostViews.Row(db)).SingleOrDefaultAsync(cancellationToken);
            return row?.ToView(query.Reader) ?? throw new NotFoundException("There is no such post.");
        }
    }
}
