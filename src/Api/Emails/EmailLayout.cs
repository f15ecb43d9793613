using System.Net;

namespace CommunityOfPractice.Api.Emails;

/// <summary>
/// The HTML shell every email shares: a document in British English with a title, one heading,
/// the message, and an optional footer. Inline styles only (mail clients drop style sheets), dark
/// text on white and links in the brand green, which pass WCAG AA contrast. Every email's text
/// part carries the same words and absolute links; the templates in this folder write both.
/// </summary>
public static class EmailLayout
{
    public const string LinkStyle = "color: #084f39; font-weight: bold;";

    public static string Html(string title, string bodyHtml, string? footerHtml = null) => $"""
        <!DOCTYPE html>
        <html lang="en-GB"><head><meta charset="utf-8"><title>{Encode(title)}</title></head>
        <body style="font-family: sans-serif; color: #1f2a30; background: #ffffff; line-height: 1.5;">
        <h1 style="font-size: 1.4rem;">{Encode(title)}</h1>
        {bodyHtml}
        {(footerHtml is null ? string.Empty : $"""<p style="font-size: 0.9rem; color: #3d4a52;">{footerHtml}</p>""")}
        </body></html>
        """;

    public static string Link(string href, string text) => $"""<a href="{Encode(href)}" style="{LinkStyle}">{Encode(text)}</a>""";

    public static string Paragraph(string text) => $"<p>{Encode(text)}</p>";

    public static string Encode(string value) => WebUtility.HtmlEncode(value);
}
