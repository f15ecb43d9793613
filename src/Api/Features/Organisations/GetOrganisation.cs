using CommunityOfPractice.Contracts.Community;

namespace CommunityOfPractice.Api.Features.Organisations;

/// <summary>An organisation's page, for anyone: its profile, people, journey (as far as the reader may see it), papers and the events it hosts.</summary>
public static class GetOrganisation
{
    /// <param name="SlugOrId">The slug in the page's address, or the organisation's id.</param>
    public sealed record Query(Caller Caller, string SlugOrId) : IQuery<OrganisationDetail>;

    internal sealed class Handler(AppDbContext db, TimeProvider clock) : IQueryHandler<Query, OrganisationDetail>
    {
        public async ValueTask<OrganisationDetail> Handle(Query query, CancellationToken cancellationToken) =>
            await db.DetailBySlugOrIdAsync(query.SlugOrId, query.Caller, clock, cancellationToken)
            ?? throw new NotFoundException("There is no such organisation.");
    }
}
