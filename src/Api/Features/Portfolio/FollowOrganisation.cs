using CommunityOfPractice.Domain.Community;

namespace CommunityOfPractice.Api.Features.Portfolio;

/// <summary>Follow or stop following an organisation: its movement in every place it works in joins the member's portfolio.</summary>
public static class FollowOrganisation
{
    public sealed record Command(Caller Caller, Guid OrganisationId, bool Follow) : ICommand;

    internal sealed class Handler(AppDbContext db, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!await db.Organisations.AnyAsync(o => o.Id == command.OrganisationId, cancellationToken))
            {
                throw new NotFoundException("There is no such organisation.");
            }

            await db.SetAsync(command.Caller, FollowTarget.Organisation, command.OrganisationId, command.Follow, clock.GetUtcNow(), cancellationToken);
            return Unit.Value;
        }
    }
}
