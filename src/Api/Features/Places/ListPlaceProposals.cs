using CommunityOfPractice.Contracts.Community;

namespace CommunityOfPractice.Api.Features.Places;

/// <summary>Places waiting for approval: an admin sees every one, a member only their own.</summary>
public static class ListPlaceProposals
{
    public sealed record Query(Caller Caller) : IQuery<IReadOnlyList<PlaceProposal>>;

    internal sealed class Handler(AppDbContext db) : IQueryHandler<Query, IReadOnlyList<PlaceProposal>>
    {
        public async ValueTask<IReadOnlyList<PlaceProposal>> Handle(Query query, CancellationToken cancellationToken)
        {
            var pending = db.Places.AsNoTracking().Where(p => !p.IsApproved);
            if (!query.Caller.IsAdmin)
            {
                pending = pending.Where(p => p.ProposedById == query.Caller.Id);
            }

            return await db.Proposals(pending).ToListAsync(cancellationToken);
        }
    }
}
