using CommunityOfPractice.Api.Data;
using CommunityOfPractice.Domain.Discussions;
using Microsoft.EntityFrameworkCore;

namespace CommunityOfPractice.Api.Features.People;

/// <summary>Finds the member a handle such as amara-okafor names (see <see cref="Mentions"/>).</summary>
internal static class MemberHandles
{
    public static async Task<Guid?> FindAsync(AppDbContext db, string handle, CancellationToken cancellationToken)
    {
        handle = handle.Trim().TrimStart('@').ToLowerInvariant();
        if (!Mentions.Pattern().IsMatch("@" + handle))
        {
            return null;
        }

        // The handle's hyphens stand for whatever separated the words of the name; the
        // candidates are then checked exactly. The earliest member holds a shared handle.
        var candidates = await db.Members.AsNoTracking()
            .Where(m => EF.Functions.ILike(m.DisplayName, handle.Replace("-", "%")))
            .OrderBy(m => m.JoinedAt)
            .Select(m => new { m.Id, m.DisplayName })
            .Take(50)
            .ToListAsync(cancellationToken);
        return candidates.FirstOrDefault(c => Mentions.Handle(c.DisplayName) == handle)?.Id;
    }
}
