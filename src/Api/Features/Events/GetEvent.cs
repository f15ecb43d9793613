using CommunityOfPractice.Contracts.Events;

namespace CommunityOfPractice.Api.Features.Events;

public static class GetEvent
{
    public sealed record Query(Caller Caller, Guid EventId) : IQuery<EventDetail>;

    internal sealed class Handler(AppDbContext db, TimeProvider clock) : IQueryHandler<Query, EventDetail>
    {
        public async ValueTask<EventDetail> Handle(Query query, CancellationToken cancellationToken) =>
            await db.EventDetailAsync(query.EventId, query.Caller, clock, cancellationToken);
    }
}
