using CommunityOfPractice.Api.Infrastructure.Validation;
using CommunityOfPractice.Contracts.Threads;

namespace CommunityOfPractice.Api.Features.Threads;

/// <summary>Posts in order after a number: a thread of 10,000 posts opens as fast as one of 10.</summary>
public static class ListPosts
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public sealed record Query(Caller Caller, Guid ThreadId, int? After, int? Limit) : IQuery<PostPage>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Limit).PageLimit(MaxLimit, "posts");
            RuleFor(q => q.After).GreaterThanOrEqualTo(0).When(q => q.After is not null).WithMessage("A post number is 0 or more.");
        }
    }

    internal sealed class Handler(AppDbContext db) : IQueryHandler<Query, PostPage>
    {
        public async ValueTask<PostPage> Handle(Query query, CancellationToken cancellationToken)
        {
            // The sequence number is read first (with the thread's lock, in one round trip): events
            // after it may already be in the page, and the client drops those duplicates; read
            // after, one could be missed.
            var stream = StreamNames.Thread(query.ThreadId);
            var thread = await db.Threads.Where(t => t.Id == query.ThreadId)
                .Select(t => new { t.IsLocked, LastSeq = db.Set<StreamCounter>().Where(s => s.Name == stream).Select(s => s.LastSeq).FirstOrDefault() })
                .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("There is no such thread.");
            var (locked, lastSeq) = (thread.IsLocked, thread.LastSeq);

            var limit = query.Limit ?? DefaultLimit;
            var after = query.After ?? 0;
            var rows = await db.Posts.AsNoTracking()
                .Where(p => p.ThreadId == query.ThreadId && p.Number > after)
                .OrderBy(p => p.Number)
                .Take(limit + 1)
                .Select(PostProjection.Row(db))
                .ToListAsync(cancellationToken);
            var next = rows.Count > limit ? rows[limit - 1].Number : (int?)null;
            return new PostPage([.. rows.Take(limit).Select(r => r.ToView(query.Caller, locked))], next, lastSeq);
        }
    }
}
