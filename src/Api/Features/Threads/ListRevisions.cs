using CommunityOfPractice.Contracts.Threads;

namespace CommunityOfPractice.Api.Features.Threads;

/// <summary>Earlier texts of an edited post, oldest first, for anyone who may read the post.</summary>
public static class ListRevisions
{
    public sealed record Query(Caller Caller, Guid PostId) : IQuery<IReadOnlyList<RevisionView>>;

    internal sealed class Handler(AppDbContext db) : IQueryHandler<Query, IReadOnlyList<RevisionView>>
    {
        public async ValueTask<IReadOnlyList<RevisionView>> Handle(Query query, CancellationToken cancellationToken)
        {
            var post = await db.Posts.AsNoTracking().Where(p => p.Id == query.PostId)
                .Select(p => new { p.IsDeleted, p.IsHidden, Revisions = p.Revisions.OrderBy(r => r.Number).Select(r => new RevisionView(r.Number, r.Html, r.WrittenAt)).ToList() })
                .SingleOrDefaultAsync(cancellationToken);
            return post is null || post.IsDeleted || (post.IsHidden && !query.Caller.SeesHiddenContent())
                ? throw new NotFoundException("There is no such post.")
                : post.Revisions;
        }
    }
}
