using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CommunityOfPractice.Web.Pages;

/// <summary>
/// Accessible form fields without client-side scripts: an invalid field gets aria-invalid and is
/// described by its error message, which the error summary links to.
/// </summary>
public static class FormHelpers
{
    public static bool HasErrors(this IHtmlHelper html, string key) =>
        html.ViewData.ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0;

    public static string? AriaInvalid(this IHtmlHelper html, string key) => html.HasErrors(key) ? "true" : null;

    public static string FieldId(this IHtmlHelper html, string key) => html.GenerateIdFromName(key);

    public static string? DescribedBy(this IHtmlHelper html, string key, string? hintId = null)
    {
        var ids = new List<string>(2);
        if (hintId is not null)
        {
            ids.Add(hintId);
        }

        if (html.HasErrors(key))
        {
            ids.Add(ErrorId(html, key));
        }

        return ids.Count == 0 ? null : string.Join(' ', ids);
    }

    public static IHtmlContent FieldError(this IHtmlHelper html, string key)
    {
        if (!html.ViewData.ModelState.TryGetValue(key, out var entry) || entry.Errors.Count == 0)
        {
            return HtmlString.Empty;
        }

        var paragraph = new TagBuilder("p");
        paragraph.AddCssClass("field-error");
        paragraph.Attributes["id"] = ErrorId(html, key);
        paragraph.InnerHtml.AppendHtml("<span class=\"visually-hidden\">Error: </span>");
        paragraph.InnerHtml.Append(string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)));
        return paragraph;
    }

    private static string ErrorId(IHtmlHelper html, string key) => html.GenerateIdFromName(key) + "-error";
}
