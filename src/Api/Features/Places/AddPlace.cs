using CommunityOfPractice.Contracts.Community;
using CommunityOfPractice.Domain.Community;

namespace CommunityOfPractice.Api.Features.Places;

/// <summary>Admins add a place that the list is missing (members cannot type free text).</summary>
public static class AddPlace
{
    public sealed record Command(string Name, PlaceKind Kind) : ICommand<PlaceView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Name).NotEmpty().WithMessage("Enter the place's name.")
                .MaximumLength(Place.NameMaxLength).WithMessage($"A place name has at most {Place.NameMaxLength} characters.")
                .Matches("[A-Za-z0-9]").WithMessage("A place name needs at least one letter or digit.");
            RuleFor(c => c.Kind).IsInEnum().WithMessage("Choose what kind of place this is.");
        }
    }

    internal sealed class Handler(AppDbContext db) : ICommandHandler<Command, PlaceView>
    {
        public async ValueTask<PlaceView> Handle(Command command, CancellationToken cancellationToken)
        {
            var place = Place.Create(command.Name, command.Kind);
            if (await db.Places.AnyAsync(p => p.Slug == place.Slug, cancellationToken))
            {
                throw new ConflictException($"{place.Name} is already in the list of places.");
            }

            db.Places.Add(place);
            await db.SaveChangesAsync(cancellationToken);
            return new PlaceView(place.Id, place.Name, place.Slug, place.Kind);
        }
    }
}
