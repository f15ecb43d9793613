using CommunityOfPractice.Contracts.Community;
using CommunityOfPractice.Domain.Community;

namespace CommunityOfPractice.Api.Features.Organisations;

/// <summary>
/// A member says they belong to an organisation; one of its admins decides. Saying it again
/// changes nothing and answers with where the claim stands.
/// </summary>
public static class ClaimMembership
{
    public sealed record Command(Caller Caller, Guid OrganisationId) : ICommand<MembershipView>, ITransactional;

    internal sealed class Handler(AppDbContext db, TimeProvider clock) : ICommandHandler<Command, MembershipView>
    {
        public async ValueTask<MembershipView> Handle(Command command, CancellationToken cancellationToken)
        {
            await db.EnsureOrganisationExistsAsync(command.OrganisationId, cancellationToken);
            var memberId = command.Caller.Id;
            var membership = await db.OrganisationMemberships
                .SingleOrDefaultAsync(m => m.OrganisationId == command.OrganisationId && m.MemberId == memberId, cancellationToken);
            if (membership is null)
            {
                membership = OrganisationMembership.Claim(command.OrganisationId, memberId, clock.GetUtcNow());
                db.OrganisationMemberships.Add(membership);
                await db.SaveChangesAsync(cancellationToken);
            }

            return membership.ToView();
        }
    }

    internal static MembershipView ToView(this OrganisationMembership m) => new(m.OrganisationId, m.MemberId, m.Status, m.IsAdmin);
}
