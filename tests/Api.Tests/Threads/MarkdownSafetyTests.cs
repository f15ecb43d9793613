using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace CommunityOfPractice.Api.Tests.Threads;

/// <summary>What members write is Markdown; what readers get is HTML that cannot run anything.</summary>
[Collection(ApiCollection.Name)]
public sealed class MarkdownSafetyTests(ApiFactory api)
{
    public static readonly string[] Payloads =
    [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<svg onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "<a href=\"https://example.org\" onclick=\"alert(1)\">x</a>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<object data=\"javascript:alert(1)\"></object><embed src=\"javascript:alert(1)\">",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<p style=\"width: expression(alert(1))\">x</p>",
        "<details open ontoggle=alert(1)>x</details>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<form action=\"javascript:alert(1)\"><button formaction=\"javascript:alert(1)\">x</button></form>",
        "<a href=\"jav&#x0A;ascript:alert(1)\">x</a>",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](  javascript:alert(1)  )",
        "[x](&#106;avascript:alert(1))",
        "[x](&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1))",
        "[x](java&#x09;script:alert(1))",
        "[x](javascript&colon;alert(1))",
        "[x](<javascript:alert(1)>)",
        "[x](vbscript:msgbox(1))",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[x][ref]\n\n[ref]: javascript:alert(1)",
        "![x](javascript:alert(1))",
        "![x](x\" onerror=\"alert(1))",
        "![x\" onerror=\"alert(1)](https://example.org/a.png)",
        "[x](https://example.org \"t\" onmouseover=alert(1))",
        "[x](https://example.org/\"onmouseover=\"alert(1))",
        "[x](https://example.org/?q=\"><script>alert(1)</script>)",
        "<javascript:alert(1)>",
        "<https://example.org/\" onmouseover=\"alert(1)>",
        "www.example.org/\"onmouseover=\"alert(1)",
        "`<script>alert(1)</script>` and\n\n```\n<script>alert(1)</script>\n```",
        "#Hashtag\"onmouseover=alert(1)",
        "| a | b |\n|---|---|\n| <img src=x onerror=alert(1)> | [x](javascript:alert(1)) |",
    ];

    private static readonly string[] _forbiddenElements =
        ["script", "iframe", "frame", "object", "embed", "svg", "math", "style", "form", "input", "button", "textarea", "base", "meta", "link"];

    private static readonly string[] _urlAttributes = ["href", "src", "action", "formaction", "xlink:href", "srcset", "data", "poster", "background"];

    [Fact]
    public async Task Scripts_event_handlers_and_script_urls_never_survive_rendering()
    {
        var member = await Community.JoinAsync(api.CreateClient);
        var thread = await ThreadsApi.StartAsync(member.Client);

        var failures = new List<string>();
        foreach (var payload in Payloads)
        {
            var post = await ThreadsApi.ReplyAsync(member.Client, thread.Id, payload);
            failures.AddRange(Dangers(post.Html).Select(danger => $"{Show(payload)} → {Show(post.Html)}: {danger}"));
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task Editing_goes_through_the_same_sanitizer()
    {
        var member = await Community.JoinAsync(api.CreateClient);
        var thread = await ThreadsApi.StartAsync(member.Client);
        var post = await ThreadsApi.ReplyAsync(member.Client, thread.Id, "Harmless");

        using var response = await member.Client.PutAsJsonAsync($"/api/v1/posts/{post.Id}", new { body = "<img src=x onerror=alert(1)> [x](javascript:alert(1))" });
        var edited = await ThreadsApi.ExpectAsync<PostView>(response, System.Net.HttpStatusCode.OK);

        Assert.Empty(Dangers(edited.Html));
    }

    [Fact]
    public async Task Links_are_kept_and_marked_nofollow_ugc_noopener()
    {
        var member = await Community.JoinAsync(api.CreateClient);
        var thread = await ThreadsApi.StartAsync(member.Client);

        var post = await ThreadsApi.ReplyAsync(member.Client, thread.Id,
            "See [our notes](https://example.org/notes), https://example.org/auto and #PowerofPlace in **bold**.\n\n- one\n- two");

        var html = Parse(post.Html!);
        var links = html.QuerySelectorAll("a");
        Assert.Equal(["https://example.org/notes", "https://example.org/auto", "/tags/PowerofPlace"], links.Select(a => a.GetAttribute("href")));
        Assert.All(links, a => Assert.Equal("nofollow ugc noopener", a.GetAttribute("rel")));
        Assert.NotNull(html.QuerySelector("strong"));
        Assert.Equal(2, html.QuerySelectorAll("li").Length);
    }

    /// <summary>Everything in the HTML that could run script or reach a script URL; empty when safe.</summary>
    public static IEnumerable<string> Dangers(string? html)
    {
        if (html is null)
        {
            yield return "no html at all";
            yield break;
        }

        if (html.Contains("<script", StringComparison.OrdinalIgnoreCase))
        {
            yield return "a <script tag";
        }

        foreach (var element in Parse(html).QuerySelectorAll("*"))
        {
            if (_forbiddenElements.Contains(element.LocalName))
            {
                yield return $"a <{element.LocalName}> element";
            }

            foreach (var attribute in element.Attributes)
            {
                if (attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                {
                    yield return $"an event handler {attribute.Name} on <{element.LocalName}>";
                }
                else if (attribute.Name.Equals("style", StringComparison.OrdinalIgnoreCase))
                {
                    yield return $"a style attribute on <{element.LocalName}>";
                }
                else if (_urlAttributes.Contains(attribute.Name.ToLowerInvariant()) && IsScriptUrl(attribute.Value))
                {
                    yield return $"{attribute.Name}=\"{attribute.Value}\" on <{element.LocalName}>";
                }
            }

            if (element.LocalName == "a" && element.GetAttribute("rel") != "nofollow ugc noopener")
            {
                yield return $"a link with rel=\"{element.GetAttribute("rel")}\"";
            }
        }
    }

    private static bool IsScriptUrl(string value)
    {
        var squeezed = new string([.. value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c))]).ToLowerInvariant();
        return squeezed.StartsWith("javascript:", StringComparison.Ordinal) || squeezed.StartsWith("vbscript:", StringComparison.Ordinal)
            || squeezed.StartsWith("data:", StringComparison.Ordinal);
    }

    private static IElement Parse(string html)
    {
        var document = new HtmlParser().ParseDocument($"<!DOCTYPE html><html><body>{html}</body></html>");
        return document.Body!;
    }

    private static string Show(string? text) => text is null ? "null" : text.Replace("\n", "\\n", StringComparison.Ordinal);
}
