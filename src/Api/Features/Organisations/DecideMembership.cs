using CommunityOfPractice.Contracts.Community;

namespace CommunityOfPractice.Api.Features.Organisations;

/// <summary>One of the organisation's admins, or a site moderator, approves or declines a member's claim to belong to it, once.</summary>
public static class DecideMembership
{
    public sealed record Command(Caller Caller, Guid OrganisationId, Guid MemberId, bool Approve) : ICommand<MembershipView>, ITransactional;

    internal sealed class Handler(AppDbContext db, TimeProvider clock) : ICommandHandler<Command, MembershipView>
    {
        public async ValueTask<MembershipView> Handle(Command command, CancellationToken cancellationToken)
        {
            await db.EnsureMayDecideClaimsAsync(command.Caller, command.OrganisationId, cancellationToken);
            var membership = await db.OrganisationMemberships
                .SingleOrDefaultAsync(m => m.OrganisationId == command.OrganisationId && m.MemberId == command.MemberId, cancellationToken)
                ?? throw new NotFoundException("That member has not said they belong to this organisation.");
            membership.Decide(command.Approve, command.Caller.Id, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            return membership.ToView();
        }
    }
}
