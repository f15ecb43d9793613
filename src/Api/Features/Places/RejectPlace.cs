namespace CommunityOfPractice.Api.Features.Places;

/// <summary>
/// An admin turns a proposed place down: the proposal is removed (and with it the proposer's own
/// tag of it), so its name is free again. An approved place is in use by others: 409.
/// </summary>
public static class RejectPlace
{
    public sealed record Command(Guid PlaceId) : ICommand;

    internal sealed class Handler(AppDbContext db) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var place = await db.Places.SingleOrDefaultAsync(p => p.Id == command.PlaceId, cancellationToken)
                ?? throw new NotFoundException("There is no such place.");
            if (place.IsApproved)
            {
                throw new ConflictException($"{place.Name} is already approved; only a proposal can be turned down.");
            }

            db.Places.Remove(place);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
