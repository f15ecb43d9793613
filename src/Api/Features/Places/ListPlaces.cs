using CommunityOfPractice.Contracts.Community;

namespace CommunityOfPractice.Api.Features.Places;

/// <summary>The places people choose from, by name (anyone may read the list).</summary>
public static class ListPlaces
{
    public sealed record Query : IQuery<IReadOnlyList<PlaceView>>;

    internal sealed class Handler(AppDbContext db) : IQueryHandler<Query, IReadOnlyList<PlaceView>>
    {
        public async ValueTask<IReadOnlyList<PlaceView>> Handle(Query query, CancellationToken cancellationToken) =>
            await db.Places.AsNoTracking()
                .OrderBy(p => p.Name)
                .Select(p => new PlaceView(p.Id, p.Name, p.Slug, p.Kind))
                .ToListAsync(cancellationToken);
    }
}
