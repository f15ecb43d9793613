using CommunityOfPractice.Api.Data;
using CommunityOfPractice.Api.Infrastructure;
using CommunityOfPractice.Domain.Discussions;
using Microsoft.EntityFrameworkCore;

namespace CommunityOfPractice.Api.Features.Threads;

/// <summary>
/// A post's text as HTML, with its @mentions linked to the members they name. Rendered once,
/// when written, so pages and live updates show the same HTML.
/// </summary>
internal sealed class PostRenderer(AppDbContext db, MarkdownRenderer markdown)
{
    public async Task<string> ToHtmlAsync(string text, CancellationToken cancellationToken)
    {
        var handles = Mentions.Parse(text);
        if (handles.Count == 0)
        {
            return markdown.ToHtml(text);
        }

        var members = new Dictionary<string, Guid>(handles.Count);
        foreach (var handle in handles)
        {
            // The handle's hyphens stand for whatever separated the words of the name; the
            // candidates are then checked exactly. The earliest member holds a shared handle.
            var candidates = await db.Members.AsNoTracking()
                .Where(m => EF.Functions.ILike(m.DisplayName, handle.Replace("-", "%")))
                .OrderBy(m => m.JoinedAt)
                .Select(m => new { m.Id, m.DisplayName })
                .Take(50)
                .ToListAsync(cancellationToken);
            if (candidates.FirstOrDefault(c => Mentions.Handle(c.DisplayName) == handle) is { } member)
            {
                members[handle] = member.Id;
            }
        }

        return markdown.ToHtml(text, members);
    }
}
