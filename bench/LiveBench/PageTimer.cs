using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace CommunityOfPractice.LiveBench;

public sealed record PageTiming(string What, Percentiles Time, string Note);

/// <summary>
/// Server time of a thread page of 200 posts: the Api's posts query (what the page needs), and the
/// Web's server-rendered page for a signed-in member when the Web can be started.
/// </summary>
public static partial class PageTimer
{
    public static async Task<PageTiming> ApiPostsAsync(BenchMember member, Guid threadId, int samples)
    {
        var count = 0;
        for (var i = 0; i < 5; i++)
        {
            count = await ApiClient.GetPostPageAsync(member, threadId, 200);
        }

        var times = new List<double>(samples);
        for (var i = 0; i < samples; i++)
        {
            var started = Stopwatch.GetTimestamp();
            count = await ApiClient.GetPostPageAsync(member, threadId, 200);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return new PageTiming($"Api GET /api/v1/threads/{{id}}/posts?limit=200", Percentiles.OfMilliseconds(times),
            $"{count} posts per response, {samples} sequential requests, JSON read fully");
    }

    /// <summary>Times GET /Threads/{id} for a member signed in to the Web.</summary>
    public static async Task<PageTiming> WebThreadPageAsync(Uri web, BenchMember member, Guid threadId, int samples)
    {
        var page = $"/Threads/{threadId}";
        using var http = await SignInToWebAsync(web, member, page);
        var (time, html) = await TimePageAsync(http, page, samples);
        var posts = StampPattern().Count(html);
        return new PageTiming($"Web GET /Threads/{{id}} (signed in)", time,
            $"{posts} posts on the page, {html.Length / 1024} KiB of HTML, {samples} sequential requests");
    }

    /// <summary>
    /// Signs a member in to the Web the way a browser does (Web → Api authorize → Api sign-in page →
    /// code → Web session cookie), landing on <paramref name="page"/>; the client keeps the cookie.
    /// </summary>
    public static async Task<HttpClient> SignInToWebAsync(Uri web, BenchMember member, string page)
    {
        var cookies = new CookieContainer();
        var http = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = true, MaxAutomaticRedirections = 10 })
        {
            BaseAddress = web,
            Timeout = TimeSpan.FromSeconds(60),
        };

        // 1. The Web sends us to the Api's sign-in page.
        using var signIn = await http.GetAsync($"/Account/SignIn?ReturnUrl={Uri.EscapeDataString(page)}");
        var form = await signIn.Content.ReadAsStringAsync();
        var loginUrl = signIn.RequestMessage!.RequestUri!;
        if (!signIn.IsSuccessStatusCode || !loginUrl.AbsolutePath.Equals("/account/login", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"signing in to the Web did not reach the Api's sign-in page: {(int)signIn.StatusCode} at {loginUrl}");
        }

        // 2. Post the form; the redirects run through the authorization endpoint back to the Web.
        var fields = new Dictionary<string, string>
        {
            ["Input.Email"] = member.Email,
            ["Input.Password"] = ApiClient.Password,
            ["ReturnUrl"] = HiddenValue(form, "ReturnUrl"),
            ["__RequestVerificationToken"] = HiddenValue(form, "__RequestVerificationToken"),
        };
        using var signedIn = await http.PostAsync(loginUrl, new FormUrlEncodedContent(fields));
        var landed = signedIn.RequestMessage!.RequestUri!;
        if (!landed.AbsolutePath.Equals(page.Split('?')[0], StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"after signing in the Web landed on {landed} ({(int)signedIn.StatusCode}), not {page}");
        }

        return signedIn.IsSuccessStatusCode
            ? http
            : throw new InvalidOperationException($"the Web answered {(int)signedIn.StatusCode} for {page}");
    }

    /// <summary>Five warm-up requests, then <paramref name="samples"/> sequential ones; returns their times and the last page.</summary>
    public static async Task<(Percentiles Time, string Html)> TimePageAsync(HttpClient http, string page, int samples)
    {
        var html = string.Empty;
        for (var i = 0; i < 5; i++)
        {
            html = await GetPageAsync(http, page);
        }

        var times = new List<double>(samples);
        for (var i = 0; i < samples; i++)
        {
            var started = Stopwatch.GetTimestamp();
            html = await GetPageAsync(http, page);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return (Percentiles.OfMilliseconds(times), html);
    }

    private static async Task<string> GetPageAsync(HttpClient http, string page)
    {
        using var response = await http.GetAsync(page);
        var html = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode || !response.RequestMessage!.RequestUri!.AbsolutePath.Equals(page.Split('?')[0], StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"GET {page}: {(int)response.StatusCode} at {response.RequestMessage?.RequestUri}");
        }

        return html;
    }

    private static string HiddenValue(string html, string name)
    {
        foreach (Match input in InputPattern().Matches(html))
        {
            var tag = input.Value;
            if (tag.Contains($"name=\"{name}\"", StringComparison.Ordinal))
            {
                var value = ValuePattern().Match(tag);
                return value.Success ? WebUtility.HtmlDecode(value.Groups[1].Value) : string.Empty;
            }
        }

        throw new InvalidOperationException($"the sign-in form has no {name} field");
    }

    [GeneratedRegex("<input[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InputPattern();

    [GeneratedRegex("value=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex ValuePattern();

    [GeneratedRegex(@"bench-t\d+-w\d+")]
    private static partial Regex StampPattern();
}
