using CommunityOfPractice.Contracts.Community;
using CommunityOfPractice.Domain.Community;
using FluentValidation.Results;

namespace CommunityOfPractice.Api.Features.Profile;

/// <summary>
/// A member edits what others see: name, bio, organisation, the places they work in, and whether
/// they are listed in the directory with which of those details (no <see cref="Command.Listing"/>: unchanged).
/// </summary>
public static class UpdateMyProfile
{
    public sealed record Command(
        Caller Caller, string DisplayName, string? Bio, Guid? OrganisationId, IReadOnlyList<Guid> PlaceIds, ListingChoice? Listing = null)
        : ICommand<MyProfile>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.DisplayName).NotEmpty().WithMessage("Enter the name the community will see.")
                .MaximumLength(Member.DisplayNameMaxLength)
                .WithMessage($"A display name has at most {Member.DisplayNameMaxLength} characters.");
            RuleFor(c => c.Bio).MaximumLength(Member.BioMaxLength)
                .WithMessage($"A bio has at most {Member.BioMaxLength} characters.");
            RuleFor(c => c.PlaceIds).Must(ids => ids.Count <= Member.MaxPlaces)
                .WithMessage($"Choose at most {Member.MaxPlaces} places.");
        }
    }

    internal sealed class Handler(AppDbContext db) : ICommandHandler<Command, MyProfile>
    {
        public async ValueTask<MyProfile> Handle(Command command, CancellationToken cancellationToken)
        {
            var member = await db.Members.Include(m => m.Places).SingleOrDefaultAsync(m => m.Id == command.Caller.Id, cancellationToken)
                ?? throw new NotFoundException("This member has no profile.");

            var failures = new List<ValidationFailure>();
            Organisation? organisation = null;
            if (command.OrganisationId is { } organisationId)
            {
                organisation = await db.Organisations.FindAsync([organisationId], cancellationToken);
                if (organisation is null)
                {
                    failures.Add(new(nameof(Command.OrganisationId), "Choose an organisation from the list."));
                }
            }

            var wanted = command.PlaceIds.Distinct().ToList();
            // A proposed place is the proposer's to use until an admin approves it for everyone.
            var places = await db.Places.Where(p => wanted.Contains(p.Id) && (p.IsApproved || p.ProposedById == command.Caller.Id))
                .ToListAsync(cancellationToken);
            if (places.Count != wanted.Count)
            {
                failures.Add(new(nameof(Command.PlaceIds), "Choose places from the list; one of them does not exist."));
            }

            if (failures.Count > 0)
            {
                throw new ValidationException(failures);
            }

            member.UpdateProfile(command.DisplayName, command.Bio, organisation, places);
            if (command.Listing is { } listing)
            {
                member.ChooseListing(new DirectoryListing(listing.IsListed, listing.ShowOrganisation, listing.ShowPlaces, listing.ShowBio));
            }

            await db.SaveChangesAsync(cancellationToken);
            return (await db.MyProfileAsync(member.Id, cancellationToken))!;
        }
    }
}
