using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.AspNetCore.Html;

namespace CommunityOfPractice.Web.Charts;

/// <summary>
/// A chart drawn on the server, ready to sit inline in a page: ScottPlot's SVG re-read as XML and
/// written out again, so every piece of text in it (organisation and place names) is escaped by
/// the XML writer, whatever the drawing library did. On the way it becomes an accessible image
/// (role="img" named by its own title and description), its ids are made unique to the chart so
/// that several charts can share a page, it scales to its container, and anything that could run
/// (scripts, event attributes, foreign content) is dropped.
/// </summary>
public sealed partial class SvgChart
{
    private static readonly XNamespace _svg = "http://www.w3.org/2000/svg";

    private SvgChart(string markup, string id)
    {
        Markup = markup;
        Id = id;
    }

    /// <summary>The id of the svg element; its title and description are {Id}-title and {Id}-desc.</summary>
    public string Id { get; }

    /// <summary>The svg element, serialised.</summary>
    public string Markup { get; }

    public IHtmlContent Html => new HtmlString(Markup);

    /// <param name="svg">The SVG document as the drawing library wrote it.</param>
    /// <param name="id">An id unique on the page, made of letters, digits and hyphens.</param>
    /// <param name="title">The chart's accessible name.</param>
    /// <param name="description">What the chart shows, in words, for those who cannot see it.</param>
    public static SvgChart From(string svg, string id, string title, string description)
    {
        if (!SafeId().IsMatch(id))
        {
            throw new ArgumentException("A chart id is made of letters, digits and hyphens.", nameof(id));
        }

        var root = XDocument.Parse(svg).Root ?? throw new InvalidOperationException("The chart has no svg element.");
        Clean(root);
        Prefix(root, id);

        var width = root.Attribute("width")?.Value;
        var height = root.Attribute("height")?.Value;
        if (width is not null && height is not null && root.Attribute("viewBox") is null)
        {
            root.SetAttributeValue("viewBox", $"0 0 {width} {height}");
        }

        root.SetAttributeValue("id", id);
        root.SetAttributeValue("role", "img");
        root.SetAttributeValue("aria-labelledby", $"{id}-title {id}-desc");
        root.SetAttributeValue("class", "chart-svg");
        root.SetAttributeValue("focusable", "false");
        root.AddFirst(
            new XElement(_svg + "title", new XAttribute("id", $"{id}-title"), title),
            new XElement(_svg + "desc", new XAttribute("id", $"{id}-desc"), description));

        return new SvgChart(root.ToString(SaveOptions.DisableFormatting), id);
    }

    /// <summary>Only drawing is kept: no scripts, no foreign content, no event handlers or links out.</summary>
    private static void Clean(XElement root)
    {
        root.Descendants().Where(e => e.Name.LocalName is "script" or "foreignObject" or "a" or "iframe").ToList().ForEach(e => e.Remove());
        foreach (var element in root.DescendantsAndSelf())
        {
            element.Attributes()
                .Where(a => a.Name.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase)
                    || (a.Name.LocalName == "href" && !a.Value.StartsWith('#')))
                .ToList().ForEach(a => a.Remove());

            // The bundled font the chart was measured with first, then look-alikes a browser may have.
            if (element.Attribute("font-family") is { } family)
            {
                family.Value = $"{family.Value}, Verdana, sans-serif";
            }
        }
    }

    /// <summary>clipPath ids such as "cl_4" repeat from chart to chart: prefix them and what refers to them.</summary>
    private static void Prefix(XElement root, string id)
    {
        foreach (var element in root.DescendantsAndSelf())
        {
            foreach (var attribute in element.Attributes().ToList())
            {
                if (attribute.Name.LocalName == "id")
                {
                    attribute.Value = $"{id}-{attribute.Value}";
                }
                else if (attribute.Name.LocalName == "href" && attribute.Value.StartsWith('#'))
                {
                    attribute.Value = $"#{id}-{attribute.Value[1..]}";
                }
                else if (attribute.Value.Contains("url(#", StringComparison.Ordinal))
                {
                    attribute.Value = attribute.Value.Replace("url(#", $"url(#{id}-", StringComparison.Ordinal);
                }
            }
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9-]*$")]
    private static partial Regex SafeId();
}
