using CommunityOfPractice.Contracts.Community;
using CommunityOfPractice.Domain.Community;

namespace CommunityOfPractice.Api.Features.Places;

/// <summary>
/// The approved places by name, each with how much goes on there (a borough's counts include its
/// neighbourhoods', each thing counted once), optionally only those whose name contains
/// <see cref="Query.Q"/>. Anyone may read the list: the counts are numbers, never titles.
/// </summary>
public static class ListPlaces
{
    public const int QueryMaxLength = Place.NameMaxLength;

    public sealed record Query(Caller Caller, string? Q = null, bool WithActivity = true) : IQuery<IReadOnlyList<PlaceSummary>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Q).MaximumLength(QueryMaxLength).WithMessage($"A place name has at most {QueryMaxLength} characters.");
        }
    }

    internal sealed class Handler(AppDbContext db, TimeProvider clock) : IQueryHandler<Query, IReadOnlyList<PlaceSummary>>
    {
        public async ValueTask<IReadOnlyList<PlaceSummary>> Handle(Query query, CancellationToken cancellationToken)
        {
            var tree = await PlaceTree.LoadAsync(db, cancellationToken);
            var filter = query.Q?.Trim();
            var places = string.IsNullOrEmpty(filter)
                ? tree.Places
                : [.. tree.Places.Where(p => p.Name.Contains(filter, StringComparison.OrdinalIgnoreCase))];
            if (places.Count == 0)
            {
                return [];
            }

            // A form's place picker needs names, not counts: skip reading every tag in the community.
            if (!query.WithActivity)
            {
                return [.. places.Select(place => new PlaceSummary(place.Id, place.Name, place.Slug, place.Kind, place.ParentId, Activity: null))];
            }

            // Which thing is tagged to which place, for the whole list at once (ids only).
            var now = clock.GetUtcNow();
            var threads = Tagged(await db.Threads.AsNoTracking()
                .SelectMany(t => t.Places.Select(p => new Tag(p.Id, t.Id))).ToListAsync(cancellationToken));
            var events = Tagged(await db.ShownEvents().Where(e => e.EndsAt > now)
                .SelectMany(e => e.Places.Select(p => new Tag(p.Id, e.Id))).ToListAsync(cancellationToken));
            var papers = Tagged(await db.ReadablePapers(query.Caller)
                .SelectMany(paper => paper.Places.Select(p => new Tag(p.Id, paper.Id))).ToListAsync(cancellationToken));
            var organisations = Tagged([.. (await db.OrganisationPlacesAsync(null, cancellationToken)).Select(t => new Tag(t.PlaceId, t.OrganisationId))]);

            return [.. places.Select(place =>
            {
                var ids = tree.WithDescendants(place.Id);
                return new PlaceSummary(place.Id, place.Name, place.Slug, place.Kind, place.ParentId, new PlaceActivity(
                    CountIn(threads, ids), CountIn(events, ids), CountIn(papers, ids), CountIn(organisations, ids)));
            })];
        }

        private static ILookup<Guid, Guid> Tagged(List<Tag> tags) => tags.ToLookup(t => t.PlaceId, t => t.ItemId);

        // A thread tagged with a borough and one of its neighbourhoods counts once for the borough.
        private static int CountIn(ILookup<Guid, Guid> tagged, IReadOnlySet<Guid> placeIds) =>
            placeIds.Count == 1 ? tagged[placeIds.First()].Count() : placeIds.SelectMany(id => tagged[id]).Distinct().Count();

        private sealed record Tag(Guid PlaceId, Guid ItemId);
    }
}
