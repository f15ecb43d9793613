using CommunityOfPractice.Domain.Discussions;
using Ganss.Xss;
using Markdig;

namespace CommunityOfPractice.Api.Infrastructure;

/// <summary>
/// The one way user text becomes HTML, for pages and live updates alike: Markdown with raw
/// HTML switched off, hashtags linked to their tag pages, then sanitized as a second wall.
/// </summary>
public sealed class MarkdownRenderer
{
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .UsePipeTables()
        .UseSoftlineBreakAsHardlineBreak()
        .Build();

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    /// <param name="markdown">The member's text.</param>
    /// <param name="mentions">Handles that name a member (see <see cref="Mentions"/>), linked to their profile; others stay text.</param>
    public string ToHtml(string markdown, IReadOnlyDictionary<string, Guid>? mentions = null)
    {
        var linked = Hashtags.Pattern().Replace(markdown, m => $"[#{m.Groups["tag"].Value}](/tags/{m.Groups["tag"].Value})");
        if (mentions is { Count: > 0 })
        {
            linked = Mentions.Pattern().Replace(linked, m =>
                mentions.TryGetValue(m.Groups["handle"].Value.ToLowerInvariant(), out var memberId)
                    ? $"[{m.Value}](/people/{memberId})"
                    : m.Value);
        }

        return _sanitizer.Sanitize(Markdown.ToHtml(linked, _pipeline));
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.UnionWith(["http", "https", "mailto"]);
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedTags.ExceptWith(["form", "input", "button", "textarea", "select", "option", "style"]);
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { LocalName: "a" } link)
            {
                link.SetAttribute("rel", "nofollow ugc noopener");
            }
        };
        return sanitizer;
    }
}
