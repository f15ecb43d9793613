using CommunityOfPractice.Contracts.Community;
using CommunityOfPractice.Domain.Community;

namespace CommunityOfPractice.Api.Features.Organisations;

/// <summary>
/// Any member proposes an organisation: usable by them at once (they are its first admin) and
/// shown as unverified until a site admin verifies it.
/// </summary>
public static class ProposeOrganisation
{
    public sealed record Command(Caller Caller, string Name, OrganisationKind Kind, string? Website, string? Description, IReadOnlyList<Guid> PlaceIds)
        : ICommand<OrganisationDetail>, IOrganisationProfile, ITransactional;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator(AppDbContext db) => Include(new OrganisationProfileRules<Command>(db));
    }

    internal sealed class Handler(AppDbContext db, MarkdownRenderer markdown, TimeProvider clock) : ICommandHandler<Command, OrganisationDetail>
    {
        public async ValueTask<OrganisationDetail> Handle(Command command, CancellationToken cancellationToken)
        {
            var places = await db.Places.Where(p => command.PlaceIds.Contains(p.Id)).ToListAsync(cancellationToken);
            var now = clock.GetUtcNow();
            var organisation = Organisation.Propose(command.ToProfile(markdown), places, command.Caller.Id, now);
            if (await db.Organisations.AnyAsync(o => o.Slug == organisation.Slug, cancellationToken))
            {
                throw new ConflictException($"{organisation.Name} is already in the community.");
            }

            db.Organisations.Add(organisation);
            db.OrganisationMemberships.Add(OrganisationMembership.FirstAdmin(organisation.Id, command.Caller.Id, now));
            await db.SaveChangesAsync(cancellationToken);
            return await db.DetailAsync(organisation.Id, command.Caller, clock, cancellationToken);
        }
    }

    /// <summary>The profile the domain checks, with the description rendered and sanitised here.</summary>
    internal static Organisation.Profile ToProfile(this IOrganisationProfile profile, MarkdownRenderer markdown) => new(
        profile.Name,
        profile.Kind,
        profile.Website,
        profile.Description,
        string.IsNullOrWhiteSpace(profile.Description) ? null : markdown.ToHtml(profile.Description.Trim()));
}
