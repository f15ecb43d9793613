namespace CommunityOfPractice.Api.Data;

/// <summary>
/// What "in Southwark" means to a filter: the approved place and every approved place inside it,
/// read from the one <see cref="PlaceTree"/> that the place pages and the portfolio use too, so
/// the directory filters by place the way a place page gathers its content.
/// </summary>
internal static class PlaceSubtrees
{
    /// <summary>The ids of the approved place with this slug (any case) and of the places inside it; null when there is none.</summary>
    public static async Task<IReadOnlySet<Guid>?> ApprovedPlaceWithDescendantsAsync(this AppDbContext db, string slug, CancellationToken cancellationToken)
    {
        var tree = await PlaceTree.LoadAsync(db, cancellationToken);
        return tree.Find(slug.Trim()) is { } place ? tree.WithDescendants(place.Id) : null;
    }
}
