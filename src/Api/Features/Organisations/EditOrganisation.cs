using CommunityOfPractice.Contracts.Community;
using CommunityOfPractice.Domain.Community;

namespace CommunityOfPractice.Api.Features.Organisations;

/// <summary>An org admin (or a site admin) keeps the profile up to date; its slug stays, so links keep working.</summary>
public static class EditOrganisation
{
    public sealed record Command(Caller Caller, Guid OrganisationId, string Name, OrganisationKind Kind, string? Website, string? Description, IReadOnlyList<Guid> PlaceIds)
        : ICommand<OrganisationDetail>, IOrganisationProfile, ITransactional;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator(AppDbContext db) => Include(new OrganisationProfileRules<Command>(db));
    }

    internal sealed class Handler(AppDbContext db, MarkdownRenderer markdown, TimeProvider clock) : ICommandHandler<Command, OrganisationDetail>
    {
        public async ValueTask<OrganisationDetail> Handle(Command command, CancellationToken cancellationToken)
        {
            var organisation = await db.OrganisationToEditAsync(command.Caller, command.OrganisationId, cancellationToken);
            var places = await db.Places.Where(p => command.PlaceIds.Contains(p.Id)).ToListAsync(cancellationToken);
            organisation.UpdateProfile(command.ToProfile(markdown));
            organisation.WorkIn(places);
            await db.SaveChangesAsync(cancellationToken);
            return await db.DetailAsync(organisation.Id, command.Caller, clock, cancellationToken);
        }
    }
}
