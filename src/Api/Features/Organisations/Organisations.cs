using CommunityOfPractice.Api.Data;
using CommunityOfPractice.Api.Infrastructure;
using CommunityOfPractice.Domain.Community;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CommunityOfPractice.Api.Features.Organisations;

public sealed record OrganisationDto(Guid Id, string Name, string Slug, string? Website);

public static class ListOrganisations
{
    public sealed record Query : IQuery<IReadOnlyList<OrganisationDto>>;

    internal sealed class Handler(AppDbContext db) : IQueryHandler<Query, IReadOnlyList<OrganisationDto>>
    {
        public async ValueTask<IReadOnlyList<OrganisationDto>> Handle(Query query, CancellationToken cancellationToken) =>
            await db.Organisations.AsNoTracking()
                .OrderBy(o => o.Name)
                .Select(o => new OrganisationDto(o.Id, o.Name, o.Slug, o.Website))
                .ToListAsync(cancellationToken);
    }
}

/// <summary>Admins add organisations that people can then say they belong to.</summary>
public static class AddOrganisation
{
    public sealed record Command(string Name, string? Website) : ICommand<OrganisationDto>;

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

    internal sealed class Handler(AppDbContext db) : ICommandHandler<Command, OrganisationDto>
    {
        public async ValueTask<OrganisationDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var organisation = Organisation.Create(command.Name, string.IsNullOrWhiteSpace(command.Website) ? null : command.Website.Trim());
            if (await db.Organisations.AnyAsync(o => o.Slug == organisation.Slug, cancellationToken))
            {
                throw new ConflictException($"{organisation.Name} is already in the community.");
            }

            db.Organisations.Add(organisation);
            await db.SaveChangesAsync(cancellationToken);
            return new OrganisationDto(organisation.Id, organisation.Name, organisation.Slug, organisation.Website);
        }
    }
}
