using CommunityOfPractice.Contracts.Community;

namespace CommunityOfPractice.Api.Features.Profile;

/// <summary>The signed-in member reads their own profile, email address and roles included.</summary>
public static class GetMyProfile
{
    public sealed record Query(Caller Caller) : IQuery<MyProfile>;

    internal sealed class Handler(AppDbContext db) : IQueryHandler<Query, MyProfile>
    {
        public async ValueTask<MyProfile> Handle(Query query, CancellationToken cancellationToken) =>
            await db.MyProfileAsync(query.Caller.Id, cancellationToken)
            ?? throw new NotFoundException("This member has no profile.");
    }
}
