using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using CommunityOfPractice.Contracts;
using CommunityOfPractice.Contracts.Threads;
using CommunityOfPractice.LiveBench;
using Microsoft.Playwright;

// bench/faults/web-kill.sh drives this: pages open, the load runs, `loaded` is written, the script
// kills a Web instance and writes `recovered`, the load goes on, then every page is read.
var o = Options.Parse(args);
Directory.CreateDirectory(o.Control);
var clock = Stopwatch.StartNew();
void Log(string message) => Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{clock.Elapsed.TotalSeconds,6:0.0} s] {message}"));

var writer = await ApiClient.JoinAsync(o.Api, 0);
var reader = await ApiClient.JoinAsync(o.Api, 1);
var thread = await ApiClient.StartThreadAsync(writer);
Log($"thread {thread.Id}; opening {o.Pages} pages through {o.Web}");

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = Environment.GetEnvironmentVariable("COP_CHROMIUM") ?? "/usr/bin/chromium",
    Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"],
});
var pages = new List<IPage>();
// Live connections of the pages, opened and closed: a page served through the killed Web loses
// its connection (closed) and opens another through the balancer.
var socketsOpened = 0;
var socketsClosed = 0;
for (var i = 0; i < o.Pages; i++)
{
    // A context each: its own cookies, so each page is its own session on whichever Web serves it.
    var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = o.Web.ToString() });
    context.SetDefaultTimeout(60_000);
    var page = await context.NewPageAsync();
    page.WebSocket += (_, socket) =>
    {
        if (socket.Url.Contains("/hubs/live", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref socketsOpened);
            socket.Close += (_, _) => Interlocked.Increment(ref socketsClosed);
        }
    };
    await page.GotoAsync($"/Account/SignIn?ReturnUrl={Uri.EscapeDataString($"/Threads/{thread.Id}")}");
    await page.GetByLabel("Email").FillAsync(reader.Email);
    await page.GetByLabel("Password").FillAsync(ApiClient.Password);
    await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    await page.WaitForURLAsync($"**/Threads/{thread.Id}**");
    pages.Add(page);
}

Log($"{pages.Count} pages open; posting {o.Rate:0.#}/s");

// When each page first showed each post, polled four times a second: the recovery time is read from it.
var firstShown = pages.Select(_ => new System.Collections.Concurrent.ConcurrentDictionary<int, TimeSpan>()).ToArray();
using var stopWatching = new CancellationTokenSource();
var watching = pages.Select((page, i) => Task.Run(async () =>
{
    while (!stopWatching.IsCancellationRequested)
    {
        try
        {
            foreach (var number in await page.EvaluateAsync<int[]>("() => [...document.querySelectorAll('article[data-number]')].map(a => Number(a.dataset.number))"))
            {
                firstShown[i].TryAdd(number, clock.Elapsed);
            }
        }
        catch (PlaywrightException)
        {
            // Navigating (a reload after a reset): the next look sees the page again.
        }

        await Task.Delay(250);
    }
})).ToList();

// When each post was stored (its 201), by number.
var storedAt = new System.Collections.Concurrent.ConcurrentDictionary<int, TimeSpan>();
var stored = 0;
var failed = 0;
var answers = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
var posting = new List<Task>();
var interval = TimeSpan.FromSeconds(1 / o.Rate);
var start = clock.Elapsed;
TimeSpan? loadedAt = null, recoveredAt = null;
for (var k = 0; ; k++)
{
    var now = clock.Elapsed;
    if (loadedAt is null && now - start >= o.Before)
    {
        loadedAt = now;
        await File.WriteAllTextAsync(Path.Combine(o.Control, "loaded"), string.Empty);
        Log("asked for the fault");
    }

    if (loadedAt is not null && recoveredAt is null && File.Exists(Path.Combine(o.Control, "recovered")))
    {
        recoveredAt = now;
        Log("the fault is over");
    }

    if (recoveredAt is { } r && now - r >= o.After)
    {
        break;
    }

    if (loadedAt is not null && recoveredAt is null && now - loadedAt > TimeSpan.FromMinutes(3))
    {
        Log("no 'recovered' in 3 minutes: stopping");
        recoveredAt = now;
    }

    var post = k;
    posting.Add(Task.Run(async () =>
    {
        if (await PostUntilStoredAsync(writer, thread.Id, post, answers) is { } number)
        {
            Interlocked.Increment(ref stored);
            storedAt[number] = clock.Elapsed;
        }
        else
        {
            Interlocked.Increment(ref failed);
        }
    }));
    await Task.Delay(interval);
}

await Task.WhenAll(posting);
var expected = (await PostNumbersAsync(writer, thread.Id)).ToHashSet();
Log($"{stored} posts stored ({failed} failed); the thread has {expected.Count} posts; reading the pages");

// Each page must come to show every post exactly once (within a minute of the last post).
var lost = 0;
var duplicated = 0;
var recoveries = new List<double>();
var deadline = clock.Elapsed + TimeSpan.FromSeconds(60);
var index = 0;
foreach (var page in pages)
{
    index++;
    int[] shown;
    while (true)
    {
        shown = await page.EvaluateAsync<int[]>("() => [...document.querySelectorAll('article[data-number]')].map(a => Number(a.dataset.number))");
        if (expected.All(shown.Contains) || clock.Elapsed > deadline)
        {
            break;
        }

        await Task.Delay(250);
    }

    var missing = expected.Count(n => !shown.Contains(n));
    var copies = shown.Length - shown.Distinct().Count();
    lost += missing;
    duplicated += copies;
    // The page's worst live delay from the fault on: a post stored while its connection was cut
    // shows only once it is back through the balancer and has caught up.
    var shownAt = firstShown[index - 1];
    var since = storedAt.Where(p => loadedAt is { } fault && p.Value >= fault).ToList();
    if (since.All(p => shownAt.ContainsKey(p.Key)))
    {
        recoveries.Add(Math.Max(0, since.Select(p => (shownAt[p.Key] - p.Value).TotalSeconds).DefaultIfEmpty(0).Max()));
    }

    Log($"page {index}: shows {shown.Distinct().Count()} of {expected.Count} posts, {missing} missing, {copies} twice");
}

await stopWatching.CancelAsync();
await Task.WhenAll(watching);
recoveries.Sort();

var result = new StringBuilder();
void Put(string name, object value) => result.Append(CultureInfo.InvariantCulture, $"{name}={value}\n");
Put("thread", thread.Id);
Put("pages", pages.Count);
Put("posts_stored", stored);
Put("posts_failed", failed);
Put("lost", lost);
Put("dup", duplicated);
Put("recovery_p95", recoveries.Count == 0 ? "-" : recoveries[(int)Math.Ceiling(0.95 * recoveries.Count) - 1].ToString("0.0", CultureInfo.InvariantCulture));
Put("recovery_max", recoveries.Count == 0 ? "-" : recoveries[^1].ToString("0.0", CultureInfo.InvariantCulture));
Put("unrecovered", pages.Count - recoveries.Count);
Put("sockets_opened", socketsOpened);
Put("sockets_closed", socketsClosed);
Put("statuses", string.Join(',', answers.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}x{a.Value}")));
await File.WriteAllTextAsync(Path.Combine(o.Control, "result.env"), result.ToString());
Console.Write(result);
return 0;

// The stored post's number, or null when it could not be stored.
static async Task<int?> PostUntilStoredAsync(BenchMember writer, Guid threadId, int k,
    System.Collections.Concurrent.ConcurrentDictionary<string, int> answers)
{
    var key = Guid.NewGuid().ToString();
    var body = $"fault-k{k} written by bench/faults/web-kill.sh";
    var until = Stopwatch.StartNew();
    while (until.Elapsed < TimeSpan.FromMinutes(2))
    {
        string outcome;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/threads/{threadId}/posts")
            {
                Content = JsonContent.Create(new ReplyRequest(body, null), options: ApiClient.Json),
            };
            request.Headers.Add(ApiHeaders.IdempotencyKey, key);
            using var response = await writer.Http.SendAsync(request, timeout.Token);
            outcome = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
            answers.AddOrUpdate(outcome, 1, (_, n) => n + 1);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                return (await response.Content.ReadFromJsonAsync<PostView>(ApiClient.Json))!.Number;
            }

            if ((int)response.StatusCode is >= 400 and < 500 and not (408 or 409 or 429))
            {
                return null;
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            answers.AddOrUpdate(e is HttpRequestException ? "conn" : "timeout", 1, (_, n) => n + 1);
        }

        await Task.Delay(500);
    }

    return null;
}

static async Task<List<int>> PostNumbersAsync(BenchMember member, Guid threadId)
{
    var page = await member.Http.GetFromJsonAsync<PostPage>($"/api/v1/threads/{threadId}/posts?limit=200", ApiClient.Json);
    return [.. page!.Items.Select(p => p.Number)];
}

internal sealed record Options(Uri Web, Uri Api, string Control, int Pages, double Rate, TimeSpan Before, TimeSpan After)
{
    public static Options Parse(string[] args)
    {
        var values = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i]] = args[i + 1];
        }

        string Get(string name, string? fallback = null) =>
            values.TryGetValue(name, out var v) ? v : fallback ?? throw new ArgumentException($"{name} is required");
        return new Options(new Uri(Get("--web")), new Uri(Get("--api")), Path.GetFullPath(Get("--control")),
            int.Parse(Get("--pages", "3"), CultureInfo.InvariantCulture), double.Parse(Get("--rate", "1"), CultureInfo.InvariantCulture),
            TimeSpan.FromSeconds(int.Parse(Get("--before", "10"), CultureInfo.InvariantCulture)),
            TimeSpan.FromSeconds(int.Parse(Get("--after", "15"), CultureInfo.InvariantCulture)));
    }
}
