using CommunityOfPractice.Contracts.Threads;

namespace CommunityOfPractice.Api.Features.Threads;

public static class GetThread
{
    public sealed record Query(Caller Caller, Guid ThreadId) : IQuery<ThreadDetail>;

    internal sealed class Handler(AppDbContext db) : IQueryHandler<Query, ThreadDetail>
    {
        public async ValueTask<ThreadDetail> Handle(Query query, CancellationToken cancellationToken) =>
            await db.DetailAsync(query.ThreadId, query.Caller, cancellationToken)
            ?? throw new NotFoundException("There is no such thread.");
    }
}
