using System.Globalization;
using System.Text;
using CommunityOfPractice.Api.Infrastructure.Validation;
using CommunityOfPractice.Contracts.Threads;
using CommunityOfPractice.Domain.Community;
using CommunityOfPractice.Domain.Discussions;
using Microsoft.AspNetCore.WebUtilities;

namespace CommunityOfPractice.Api.Features.Threads;

/// <summary>
/// Threads by latest activity (pinned first), filtered by tag, place, stage or followed, with a
/// keyset cursor over (pinned, last activity, id): no OFFSET, so every page costs the same.
/// </summary>
public static class ListThreads
{
    public const int DefaultLimit = 25;
    public const int MaxLimit = 100;

    public sealed record Query(Caller Caller, string? Tag, Guid? PlaceId, FrameworkStage? Stage, bool Followed, string? After, int? Limit)
        : IQuery<ThreadPage>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Limit).PageLimit(MaxLimit, "threads");
            RuleFor(q => q.After).Must(after => Cursor.TryRead(after, out _)).When(q => q.After is not null)
                .WithMessage("This page link is not valid; start from the first page.");
            RuleFor(q => q.Tag).MaximumLength(50).WithMessage("A tag has at most 50 characters.");
            RuleFor(q => q.Stage).Stage();
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
                threads = threads.Where(t => db.ThreadReaders.Any(r => r.ThreadId == t.Id && r.MemberId == query.Caller.MemberId && r.IsFollowing));
            }

            if (Cursor.TryRead(query.After, out var after) && after is var (pinned, at, id))
            {
                threads = threads.Where(t => (pinned && !t.IsPinned)
                    || (t.IsPinned == pinned && (t.LastActivityAt < at || (t.LastActivityAt == at && t.Id.CompareTo(id) < 0))));
            }

            var ordered = threads.OrderByDescending(t => t.IsPinned).ThenByDescending(t => t.LastActivityAt).ThenByDescending(t => t.Id)
                .Take(limit + 1);
            var items = await db.Summaries(ordered, query.Caller.MemberId).ToListAsync(cancellationToken);
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
