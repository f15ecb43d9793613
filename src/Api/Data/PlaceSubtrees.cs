namespace CommunityOfPractice.Api.Data;

/// <summary>
/// An approved place and every approved place inside it, however deep: what "in Southwark"
/// means to a filter (a borough includes its neighbourhoods). Shared so the directory and the
/// tag pages filter by place the way the place page gathers its content, without importing the
/// Places area. There are a few hundred places: one small query, walked in memory.
/// </summary>
internal static class PlaceSubtrees
{
    /// <summary>The ids of the approved place with this slug (any case) and of the places inside it; null when there is none.</summary>
    public static async Task<IReadOnlySet<Guid>?> ApprovedPlaceWithDescendantsAsync(this AppDbContext db, string slug, CancellationToken cancellationToken)
    {
        var places = await db.Places.AsNoTracking().Where(p => p.IsApproved)
            .Select(p => new { p.Id, p.Slug, p.ParentId }).ToListAsync(cancellationToken);
        var root = places.FirstOrDefault(p => string.Equals(p.Slug, slug.Trim(), StringComparison.OrdinalIgnoreCase));
        if (root is null)
        {
            return null;
        }

        var children = places.Where(p => p.ParentId is not null).ToLookup(p => p.ParentId!.Value, p => p.Id);
        var found = new HashSet<Guid>();
        var pending = new Stack<Guid>([root.Id]);
        while (pending.TryPop(out var id))
        {
            if (found.Add(id))
            {
                foreach (var child in children[id])
                {
                    pending.Push(child);
                }
            }
        }

        return found;
    }
}
