using CommunityOfPractice.Domain.Discussions;

namespace CommunityOfPractice.Api.Data;

/// <summary>
/// Finds the members that handles such as amara-okafor name (see <see cref="Mentions"/>). Shared:
/// People looks a member up by handle, Threads links the @mentions of a post.
/// </summary>
internal static class MemberHandles
{
    /// <summary>Each handle that names a member, with that member's id; one query for all of them.</summary>
    public static async Task<Dictionary<string, Guid>> FindAsync(AppDbContext db, IEnumerable<string> handles, CancellationToken cancellationToken)
    {
        var wanted = handles.Select(h => h.Trim().TrimStart('@').ToLowerInvariant())
            .Where(h => Mentions.Pattern().IsMatch("@" + h)).Distinct().ToList();
        if (wanted.Count == 0)
        {
            return [];
        }

        // A handle's hyphens stand for whatever separated the words of the name; the candidates
        // are then checked exactly. The earliest member holds a shared handle.
        var patterns = wanted.Select(h => h.Replace("-", "%")).ToList();
        var candidates = await db.Members.AsNoTracking()
            .Where(m => m.ErasedAt == null && patterns.Any(pattern => EF.Functions.ILike(m.DisplayName, pattern)))
            .OrderBy(m => m.JoinedAt)
            .Select(m => new { m.Id, m.DisplayName })
            .Take(50 * wanted.Count)
            .ToListAsync(cancellationToken);
        var found = new Dictionary<string, Guid>();
        foreach (var candidate in candidates)
        {
            var handle = Mentions.Handle(candidate.DisplayName);
            if (wanted.Contains(handle))
            {
                found.TryAdd(handle, candidate.Id);
            }
        }

        return found;
    }
}
