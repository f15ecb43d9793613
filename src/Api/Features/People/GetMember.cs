using CommunityOfPractice.Contracts.Community;

namespace CommunityOfPractice.Api.Features.People;

/// <summary>A member's profile as the other members see it (where post authors and @mentions lead).</summary>
public static class GetMember
{
    public sealed record Query(Guid MemberId) : IQuery<MemberProfile>;

    internal sealed class Handler(AppDbContext db) : IQueryHandler<Query, MemberProfile>
    {
        public async ValueTask<MemberProfile> Handle(Query query, CancellationToken cancellationToken) =>
            await db.MemberProfileAsync(query.MemberId, cancellationToken) ?? throw new NotFoundException("There is no such member.");
    }
}
