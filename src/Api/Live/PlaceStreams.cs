namespace CommunityOfPractice.Api.Live;

/// <summary>
/// Tells the places something is tagged to that it arrived: appended to "place:{id}" of each of
/// them and of every place they sit inside (a borough's page shows its neighbourhoods' content, so
/// its stream hears of it too). Shared here so Threads, Events and the Library can announce
/// without importing the Places area. Call inside the write's transaction; the events go out on commit.
/// </summary>
public static class PlaceStreams
{
    public const string ThreadStarted = "thread.started";
    public const string EventPublished = "event.published";
    public const string PaperPublished = "paper.published";

    /// <summary>Places nest a few levels at most; the bound only guards against a cycle made by hand in the database.</summary>
    private const int MaxDepth = 10;

    /// <summary>Appends to each place's stream and its enclosing places'; returns all of those places (who follows any of them hears of it).</summary>
    public static async Task<IReadOnlyCollection<Guid>> AppendToPlacesAsync(
        this LiveStreams live, AppDbContext db, IEnumerable<Guid> placeIds, string kind, object data, CancellationToken cancellationToken)
    {
        var all = placeIds.ToHashSet();
        var frontier = all.ToList();
        for (var depth = 0; depth < MaxDepth && frontier.Count > 0; depth++)
        {
            var parents = await db.Places.AsNoTracking()
                .Where(p => frontier.Contains(p.Id) && p.ParentId != null && p.IsApproved)
                .Select(p => p.ParentId!.Value).ToListAsync(cancellationToken);
            frontier = [.. parents.Where(all.Add)];
        }

        // A stable order, so concurrent writers lock the streams' rows in the same order and cannot deadlock.
        foreach (var placeId in all.Order())
        {
            await live.AppendAsync(StreamNames.Place(placeId), kind, data, cancellationToken);
        }

        return all;
    }
}
