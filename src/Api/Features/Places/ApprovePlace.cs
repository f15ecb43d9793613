namespace CommunityOfPractice.Api.Features.Places;

/// <summary>An admin approves a proposed place: from now on everyone is offered it. Approving twice changes nothing.</summary>
public static class ApprovePlace
{
    public sealed record Command(Guid PlaceId) : ICommand;

    internal sealed class Handler(AppDbContext db) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var place = await db.Places.SingleOrDefaultAsync(p => p.Id == command.PlaceId, cancellationToken)
                ?? throw new NotFoundException("There is no such place.");
            place.Approve();
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
