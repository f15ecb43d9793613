using CommunityOfPractice.Contracts.Portfolio;
using CommunityOfPractice.Domain.Community;

namespace CommunityOfPractice.Api.Features.Portfolio;

/// <summary>What the member follows, by name; follows of a place or organisation that is gone are left out.</summary>
public static class ListFollows
{
    public sealed record Query(Caller Caller) : IQuery<FollowsView>;

    internal sealed class Handler(AppDbContext db) : IQueryHandler<Query, FollowsView>
    {
        public async ValueTask<FollowsView> Handle(Query query, CancellationToken cancellationToken)
        {
            var memberId = query.Caller.Id;
            var follows = db.Follows.AsNoTracking().Where(f => f.MemberId == memberId);
            var places = await follows.Where(f => f.TargetKind == FollowTarget.Place)
                .Join(db.Places.Where(p => p.IsApproved), f => f.TargetId, p => p.Id, (f, p) => new { f, p })
                .OrderBy(x => x.p.Name).ThenBy(x => x.p.Id)
                .Select(x => new FollowedView(x.f.TargetKind, x.p.Id, x.p.Name, x.p.Slug, x.f.FollowedAt))
                .ToListAsync(cancellationToken);
            var organisations = await follows.Where(f => f.TargetKind == FollowTarget.Organisation)
                .Join(db.Organisations, f => f.TargetId, o => o.Id, (f, o) => new { f, o })
                .OrderBy(x => x.o.Name).ThenBy(x => x.o.Id)
                .Select(x => new FollowedView(x.f.TargetKind, x.o.Id, x.o.Name, x.o.Slug, x.f.FollowedAt))
                .ToListAsync(cancellationToken);
            return new FollowsView(places, organisations);
        }
    }
}
