using CommunityOfPractice.Domain.Discussions;

namespace CommunityOfPractice.Api.Features.Threads;

/// <summary>
/// A post's text as HTML, with its @mentions linked to the members they name. Rendered once,
/// when written, so pages and live updates show the same HTML.
/// </summary>
internal sealed class PostRenderer(AppDbContext db, MarkdownRenderer markdown)
{
    public async Task<string> ToHtmlAsync(string text, CancellationToken cancellationToken) =>
        (await RenderAsync(text, cancellationToken)).Html;

    /// <summary>The HTML, and the members its @mentions name (who are told of it).</summary>
    public async Task<(string Html, IReadOnlyCollection<Guid> Mentioned)> RenderAsync(string text, CancellationToken cancellationToken)
    {
        var handles = Mentions.Parse(text);
        if (handles.Count == 0)
        {
            return (markdown.ToHtml(text), []);
        }

        var members = await MemberHandles.FindAsync(db, handles, cancellationToken);
        return (markdown.ToHtml(text, members), members.Values);
    }
}
