using CommunityOfPractice.Domain.Community;

namespace CommunityOfPractice.Api.Features.Portfolio;

/// <summary>Follow or stop following a place: its organisations and their movement join the member's portfolio.</summary>
public static class FollowPlace
{
    public sealed record Command(Caller Caller, Guid PlaceId, bool Follow) : ICommand;

    internal sealed class Handler(AppDbContext db, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            // Only approved places can be followed; one no longer listed can still be let go.
            if (!await db.Places.AnyAsync(p => p.Id == command.PlaceId && (p.IsApproved || !command.Follow), cancellationToken))
            {
                throw new NotFoundException("There is no such place.");
            }

            await db.SetAsync(command.Caller, FollowTarget.Place, command.PlaceId, command.Follow, clock.GetUtcNow(), cancellationToken);
            return Unit.Value;
        }
    }
}
