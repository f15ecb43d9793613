using CommunityOfPractice.Contracts.Common;
using CommunityOfPractice.Contracts.Community;

namespace CommunityOfPractice.Api.Features.Account;

/// <summary>
/// The invitations still usable (not expired, uses left), newest first: every one for moderators,
/// one's own for everyone else (org admins). Never the tokens.
/// </summary>
public static class ListInvitations
{
    public sealed record Query(Caller Caller) : IQuery<IReadOnlyList<InvitationView>>;

    internal sealed class Handler(AppDbContext db, TimeProvider clock) : IQueryHandler<Query, IReadOnlyList<InvitationView>>
    {
        public async ValueTask<IReadOnlyList<InvitationView>> Handle(Query query, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var invitations = db.Invitations.AsNoTracking().Where(i => i.ExpiresAt > now && i.Uses < i.MaxUses);
            if (!query.Caller.MayModerate)
            {
                invitations = invitations.Where(i => i.CreatedById == query.Caller.Id);
            }

            return await invitations
                .OrderByDescending(i => i.CreatedAt)
                .Select(i => new InvitationView(
                    i.Id,
                    i.CreatedAt,
                    i.ExpiresAt,
                    i.MaxUses,
                    i.Uses,
                    db.Organisations.Where(o => o.Id == i.OrganisationId).Select(o => new NamedRef(o.Id, o.Name)).SingleOrDefault(),
                    db.Members.Where(m => m.Id == i.CreatedById).Select(m => new NamedRef(m.Id, m.DisplayName)).Single()))
                .ToListAsync(cancellationToken);
        }
    }
}
