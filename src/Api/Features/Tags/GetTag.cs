using System.Text.RegularExpressions;
using CommunityOfPractice.Contracts.Tags;
using CommunityOfPractice.Domain.Discussions;
using CommunityOfPractice.Domain.Events;
using CommunityOfPractice.Domain.Library;

namespace CommunityOfPractice.Api.Features.Tags;

/// <summary>
/// What carries a hashtag, compared without case. Threads, events and papers keep their tags'
/// keys when written (title and opening post, title and description, the paper's own tags), in
/// GIN-indexed arrays; a thread also carries a tag that only a visible reply uses, found with a
/// PostgreSQL regular expression over the posts. Reading follows the areas' rules: threads and
/// events are for signed-in members, events never as drafts, papers by their visibility.
/// </summary>
public static class GetTag
{
    public const int MaxItems = 50;

    public sealed record Query(Caller Caller, string Tag) : IQuery<TagPage>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() =>
            RuleFor(q => q.Tag).Must(tag => IsTag(tag)).WithMessage("A hashtag starts with a letter and has 2 to 50 letters, digits or underscores.");
    }

    // The whole text is one hashtag, as a post would write it: "PowerofPlace" or "#PowerofPlace".
    private static bool IsTag(string? tag)
    {
        var text = tag?.Trim().TrimStart('#');
        return text is not null && Hashtags.Parse("#" + text) is [var only] && only == text;
    }

    internal sealed class Handler(AppDbContext db) : IQueryHandler<Query, TagPage>
    {
        public async ValueTask<TagPage> Handle(Query query, CancellationToken cancellationToken)
        {
            var tag = query.Tag.Trim().TrimStart('#');
            var key = Hashtags.Key(tag);
            var members = query.Caller.IsMember;
            return new TagPage(
                tag,
                members ? await ThreadsAsync(key, cancellationToken) : [],
                members ? await EventsAsync(key, cancellationToken) : [],
                await PapersAsync(key, members, cancellationToken),
                SignInForMore: !members);
        }

        private async Task<IReadOnlyList<TaggedThread>> ThreadsAsync(string key, CancellationToken cancellationToken)
        {
            // The same rule as Hashtags.Pattern, in PostgreSQL's dialect: after the start, a space or a bracket; not followed by a tag character.
            var inReply = $"(^|[[:space:]([])#{Regex.Escape(key)}([^A-Za-z0-9_]|$)";
            return await db.Threads.AsNoTracking()
                .Where(t => t.HashtagKeys.Contains(key)
                    || db.Posts.Any(p => p.ThreadId == t.Id && !p.IsDeleted && !p.IsHidden && Regex.IsMatch(p.Markdown, inReply, RegexOptions.IgnoreCase)))
                .OrderByDescending(t => t.LastActivityAt).ThenByDescending(t => t.Id)
                .Take(MaxItems)
                .Select(t => new TaggedThread(t.Id, t.Title, t.PostCount, t.LastActivityAt))
                .ToListAsync(cancellationToken);
        }

        private async Task<IReadOnlyList<TaggedEvent>> EventsAsync(string key, CancellationToken cancellationToken) =>
            await db.Events.AsNoTracking()
                .Where(e => e.Status != EventStatus.Draft && e.HashtagKeys.Contains(key))
                .OrderByDescending(e => e.StartsAt).ThenBy(e => e.Id)
                .Take(MaxItems)
                .Select(e => new TaggedEvent(e.Id, e.Title, e.Status, e.StartsAt, e.EndsAt, e.TimeZone))
                .ToListAsync(cancellationToken);

        private async Task<IReadOnlyList<TaggedPaper>> PapersAsync(string key, bool members, CancellationToken cancellationToken) =>
            await db.Papers.AsNoTracking()
                .Where(p => p.HashtagKeys.Contains(key) && (members || p.Visibility == PaperVisibility.Public))
                .OrderByDescending(p => p.PublishedOn).ThenByDescending(p => p.Id)
                .Take(MaxItems)
                .Select(p => new TaggedPaper(p.Id, p.Title, p.Type, p.PublishedOn))
                .ToListAsync(cancellationToken);
    }
}
