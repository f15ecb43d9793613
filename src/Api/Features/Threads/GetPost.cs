using CommunityOfPractice.Contracts.Threads;

namespace CommunityOfPractice.Api.Features.Threads;

/// <summary>One post as this reader may see it (the edit page starts from it).</summary>
public static class GetPost
{
    public sealed record Query(Caller Caller, Guid PostId) : IQuery<PostView>;

    internal sealed class Handler(AppDbContext db) : IQueryHandler<Query, PostView>
    {
        public async ValueTask<PostView> Handle(Query query, CancellationToken cancellationToken)
        {
            var row = await db.Posts.AsNoTracking().Where(p => p.Id == query.PostId).Select(PostProjection.Row(db)).SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("There is no such post.");
            var locked = await db.Threads.Where(t => t.Id == row.ThreadId).Select(t => t.IsLocked).SingleAsync(cancellationToken);
            return row.ToView(query.Caller, locked);
        }
    }
}
