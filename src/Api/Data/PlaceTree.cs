using CommunityOfPractice.Contracts.Community;
using CommunityOfPractice.Domain.Community;

namespace CommunityOfPractice.Api.Data;

/// <summary>One approved place as the tree of places holds it.</summary>
internal sealed record PlaceNode(Guid Id, string Name, string Slug, PlaceKind Kind, Guid? ParentId)
{
    public PlaceLink Link => new(Id, Name, Slug, Kind);
}

/// <summary>
/// The approved places as a tree, shared by the place pages and the portfolio (a followed borough
/// includes its neighbourhoods). There are a few hundred places, so the whole tree is read in
/// one small query and walked in memory: simpler than a recursive CTE, and a borough's page needs
/// its neighbourhoods (and theirs) to gather their content.
/// </summary>
internal sealed class PlaceTree
{
    private readonly Dictionary<Guid, PlaceNode> _byId;
    private readonly ILookup<Guid, PlaceNode> _children;

    private PlaceTree(IReadOnlyList<PlaceNode> places)
    {
        Places = places;
        _byId = places.ToDictionary(p => p.Id);
        _children = places.Where(p => p.ParentId is not null).ToLookup(p => p.ParentId!.Value);
    }

    /// <summary>Every approved place, by name.</summary>
    public IReadOnlyList<PlaceNode> Places { get; }

    public static async Task<PlaceTree> LoadAsync(AppDbContext db, CancellationToken cancellationToken) =>
        new(await db.Places.AsNoTracking().Where(p => p.IsApproved).OrderBy(p => p.Name)
            .Select(p => new PlaceNode(p.Id, p.Name, p.Slug, p.Kind, p.ParentId)).ToListAsync(cancellationToken));

    public PlaceNode? Find(Guid id) => _byId.GetValueOrDefault(id);

    public PlaceNode? Find(string slug) => Places.FirstOrDefault(p => string.Equals(p.Slug, slug, StringComparison.OrdinalIgnoreCase));

    public PlaceNode? Parent(PlaceNode place) => place.ParentId is { } id ? _byId.GetValueOrDefault(id) : null;

    public IReadOnlyList<PlaceNode> Children(PlaceNode place) => [.. _children[place.Id].OrderBy(p => p.Name)];

    /// <summary>The place and every place inside it, however deep (a cycle cannot loop: each place is visited once).</summary>
    public IReadOnlySet<Guid> WithDescendants(Guid placeId)
    {
        var found = new HashSet<Guid>();
        var pending = new Stack<Guid>([placeId]);
        while (pending.TryPop(out var id))
        {
            if (found.Add(id))
            {
                foreach (var child in _children[id])
                {
                    pending.Push(child.Id);
                }
            }
        }

        return found;
    }
}
