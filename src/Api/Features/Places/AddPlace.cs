using CommunityOfPractice.Contracts.Community;
using CommunityOfPractice.Domain.Community;

namespace CommunityOfPractice.Api.Features.Places;

/// <summary>Admins add a place that the list is missing (members cannot type free text), inside another when it has a parent.</summary>
public static class AddPlace
{
    public sealed record Command(string Name, PlaceKind Kind, Guid? ParentId = null) : INewPlace, ICommand<PlaceView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => Include(new NewPlaceRules<Command>());
    }

    internal sealed class Handler(AppDbContext db) : ICommandHandler<Command, PlaceView>
    {
        public async ValueTask<PlaceView> Handle(Command command, CancellationToken cancellationToken)
        {
            var place = Place.Create(command.Name, command.Kind);
            place.MoveInside(await db.ParentAsync(command.ParentId, cancellationToken));
            await db.EnsureNewAsync(place, cancellationToken);

            db.Places.Add(place);
            await db.SaveChangesAsync(cancellationToken);
            return new PlaceView(place.Id, place.Name, place.Slug, place.Kind);
        }
    }
}
