using CommunityOfPractice.Contracts.Community;
using CommunityOfPractice.Domain.Community;

namespace CommunityOfPractice.Api.Features.Organisations;

/// <summary>Admins add organisations that people can then say they belong to.</summary>
public static class AddOrganisation
{
    public sealed record Command(string Name, string? Website) : ICommand<OrganisationView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Name).NotEmpty().WithMessage("Enter the organisation's name.")
                .MaximumLength(Organisation.NameMaxLength)
                .WithMessage($"An organisation name has at most {Organisation.NameMaxLength} characters.");
            RuleFor(c => c.Website)
                .Must(w => Uri.TryCreate(w, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http")
                .When(c => !string.IsNullOrWhiteSpace(c.Website))
                .WithMessage("Enter the website as a full address, like https://example.org.");
        }
    }

    internal sealed class Handler(AppDbContext db) : ICommandHandler<Command, OrganisationView>
    {
        public async ValueTask<OrganisationView> Handle(Command command, CancellationToken cancellationToken)
        {
            var organisation = Organisation.Create(command.Name, string.IsNullOrWhiteSpace(command.Website) ? null : command.Website.Trim());
            if (await db.Organisations.AnyAsync(o => o.Slug == organisation.Slug, cancellationToken))
            {
                throw new ConflictException($"{organisation.Name} is already in the community.");
            }

            db.Organisations.Add(organisation);
            await db.SaveChangesAsync(cancellationToken);
            return new OrganisationView(organisation.Id, organisation.Name, organisation.Slug, organisation.Website);
        }
    }
}
