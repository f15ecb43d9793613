using CommunityOfPractice.Contracts.Common;
using CommunityOfPractice.Contracts.Community;

namespace CommunityOfPractice.Api.Features.Account;

/// <summary>
/// Before registering through an invitation link, the newcomer learns whether it still works and
/// which organisation it puts them in: 404 for a link that is unknown or withdrawn, 410 when it
/// has expired or its uses ran out.
/// </summary>
public static class CheckInvitation
{
    public sealed record Query(string Token) : IQuery<InvitationCheck>;

    internal sealed class Handler(AppDbContext db, TimeProvider clock) : IQueryHandler<Query, InvitationCheck>
    {
        public async ValueTask<InvitationCheck> Handle(Query query, CancellationToken cancellationToken)
        {
            var hash = InvitationTokens.Hash(query.Token);
            var invitation = await db.Invitations.AsNoTracking().Where(i => i.TokenHash == hash)
                .Select(i => new
                {
                    i.ExpiresAt,
                    i.Uses,
                    i.MaxUses,
                    Organisation = db.Organisations.Where(o => o.Id == i.OrganisationId).Select(o => new NamedRef(o.Id, o.Name)).SingleOrDefault(),
                })
                .SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("This invitation link is not valid: it may have been withdrawn. Ask for a new one, or join without it.");

            if (clock.GetUtcNow() >= invitation.ExpiresAt)
            {
                throw new GoneException("This invitation has expired. Ask for a new one, or join without it.");
            }

            return invitation.Uses >= invitation.MaxUses
                ? throw new GoneException("This invitation has been used as many times as it allows. Ask for a new one, or join without it.")
                : new InvitationCheck(invitation.Organisation, invitation.ExpiresAt);
        }
    }
}
