using CommunityOfPractice.Contracts.Community;

namespace CommunityOfPractice.Api.Features.Account;

/// <summary>An applicant sees where their join request stands: pending, or decided with the moderator's message.</summary>
public static class GetMyJoinRequest
{
    public sealed record Query(Caller Caller) : IQuery<JoinRequestView>;

    internal sealed class Handler(AppDbContext db) : IQueryHandler<Query, JoinRequestView>
    {
        public async ValueTask<JoinRequestView> Handle(Query query, CancellationToken cancellationToken)
        {
            var latest = db.JoinRequests.Where(r => r.MemberId == query.Caller.Id).OrderByDescending(r => r.CreatedAt).Take(1);
            return (await db.ViewsAsync(latest, cancellationToken)).SingleOrDefault()
                ?? throw new NotFoundException("You have no join request: you joined by invitation, or while joining was open.");
        }
    }
}
