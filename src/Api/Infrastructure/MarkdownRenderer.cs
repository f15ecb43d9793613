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

    public string ToHtml(string markdown)
    {
        var linked = Hashtags.Pattern().Replace(markdown, m => $"[#{m.Groups["tag"].Value}](/tags/{m.Groups["tag"].Value})");
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
