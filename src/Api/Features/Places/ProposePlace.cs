using CommunityOfPractice.Contracts.Community;
using CommunityOfPractice.Domain.Community;

namespace CommunityOfPractice.Api.Features.Places;

/// <summary>
/// A member proposes a place the list is missing. It is recorded unapproved: its proposer sees
/// it (and may put it on their profile), admins see it among the proposals, and nobody else is
/// offered it until an admin approves it (<see cref="ApprovePlace"/>).
/// </summary>
public static class ProposePlace
{
    public sealed record Command(Caller Caller, string Name, PlaceKind Kind, Guid? ParentId) : INewPlace, ICommand<PlaceProposal>, ITransactional;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => Include(new NewPlaceRules<Command>());
    }

    internal sealed class Handler(AppDbContext db) : ICommandHandler<Command, PlaceProposal>
    {
        public async ValueTask<PlaceProposal> Handle(Command command, CancellationToken cancellationToken)
        {
            var parent = await db.ParentAsync(command.ParentId, cancellationToken);
            var place = Place.Propose(command.Name, command.Kind, parent?.Id, command.Caller.Id);
            await db.EnsureNewAsync(place, cancellationToken);

            db.Places.Add(place);
            await db.SaveChangesAsync(cancellationToken);
            return await db.Proposals(db.Places.Where(p => p.Id == place.Id)).SingleAsync(cancellationToken);
        }
    }
}
