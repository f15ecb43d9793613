using CommunityOfPractice.Contracts.Community;

namespace CommunityOfPractice.Api.Features.Organisations;

/// <summary>The organisations people choose from, by name (anyone may read the list).</summary>
public static class ListOrganisations
{
    public sealed record Query : IQuery<IReadOnlyList<OrganisationView>>;

    internal sealed class Handler(AppDbContext db) : IQueryHandler<Query, IReadOnlyList<OrganisationView>>
    {
        public async ValueTask<IReadOnlyList<OrganisationView>> Handle(Query query, CancellationToken cancellationToken) =>
            await db.Organisations.AsNoTracking()
                .OrderBy(o => o.Name)
                .Select(o => new OrganisationView(o.Id, o.Name, o.Slug, o.Website))
                .ToListAsync(cancellationToken);
    }
}
