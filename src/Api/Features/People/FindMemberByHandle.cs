using CommunityOfPractice.Contracts.Community;

namespace CommunityOfPractice.Api.Features.People;

/// <summary>The member a handle names (co-hosts are chosen by handle, as mentions are written).</summary>
public static class FindMemberByHandle
{
    public sealed record Query(string Handle) : IQuery<MemberProfile>;

    internal sealed class Handler(AppDbContext db) : IQueryHandler<Query, MemberProfile>
    {
        public async ValueTask<MemberProfile> Handle(Query query, CancellationToken cancellationToken)
        {
            var found = await MemberHandles.FindAsync(db, [query.Handle], cancellationToken);
            return found.Count == 1 && await db.MemberProfileAsync(found.Values.Single(), cancellationToken) is { } member
                ? member
                : throw new NotFoundException($"No member has the handle @{query.Handle.Trim().TrimStart('@')}.");
        }
    }
}
