using CommunityOfPractice.Api.Data;
using CommunityOfPractice.Api.Infrastructure;
using CommunityOfPractice.Contracts.Community;
using Mediator;

namespace CommunityOfPractice.Api.Features.Organisations;

/// <summary>An organisation's page, for anyone: its profile, people, journey (as far as the reader may see it) and papers.</summary>
public static class GetOrganisation
{
    public sealed record Query(Caller Caller, string Slug) : IQuery<OrganisationDetail>;

    internal sealed class Handler(AppDbContext db) : IQueryHandler<Query, OrganisationDetail>
    {
        public async ValueTask<OrganisationDetail> Handle(Query query, CancellationToken cancellationToken) =>
            await db.DetailBySlugAsync(query.Slug, query.Caller, cancellationToken)
            ?? throw new NotFoundException("There is no such organisation.");
    }
}
