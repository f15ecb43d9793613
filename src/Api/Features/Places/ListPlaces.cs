using CommunityOfPractice.Api.Data;
using CommunityOfPractice.Domain.Community;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CommunityOfPractice.Api.Features.Places;

public sealed record PlaceDto(Guid Id, string Name, string Slug, PlaceKind Kind);

public static class ListPlaces
{
    public sealed record Query : IQuery<IReadOnlyList<PlaceDto>>;

    internal sealed class Handler(AppDbContext db) : IQueryHandler<Query, IReadOnlyList<PlaceDto>>
    {
        public async ValueTask<IReadOnlyList<PlaceDto>> Handle(Query query, CancellationToken cancellationToken) =>
            await db.Places.AsNoTracking()
                .OrderBy(p => p.Name)
                .Select(p => new PlaceDto(p.Id, p.Name, p.Slug, p.Kind))
                .ToListAsync(cancellationToken);
    }
}
