using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CommunityOfPractice.Contracts;
using CommunityOfPractice.Contracts.Community;
using CommunityOfPractice.Contracts.Events;
using CommunityOfPractice.Contracts.Library;
using CommunityOfPractice.Contracts.Threads;
using CommunityOfPractice.Domain.Community;
using CommunityOfPractice.Domain.Events;
using CommunityOfPractice.Domain.Journey;
using CommunityOfPractice.Domain.Library;
using CommunityOfPractice.LiveBench;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace CommunityOfPractice.PlacesBench;

/// <summary>
/// A busy place's page. Through the real Api (its own process, real PostgreSQL) it makes one
/// borough, 100 organisations working there (each with two
/// assessments, so a timeline and a current stage), 1,000 threads, 200 events and 1,000 papers
/// tagged to it; then times, one request at a time, what a reader waits for: the Api's
/// GET /api/v1/places/{slug} (signed in, with and without the stage filter, and as a visitor) and
/// the Web's /places/{slug} page signed in. Target (the community issue): server time p95 ≤ 50 ms.
/// </summary>
public static class Program
{
    private static readonly Stopwatch _clock = Stopwatch.StartNew();
    private static readonly JsonSerializerOptions _json = ApiJson.Options;
    private static readonly FrameworkStage[] _stages = Enum.GetValues<FrameworkStage>();

    public static async Task<int> Main(string[] args)
    {
        var o = Options.Parse(args);
        ThreadPool.SetMinThreads(32, 32);
        Directory.CreateDirectory(o.Out);
        var apiUrl = new Uri($"http://127.0.0.1:{ChildApp.FreePort()}");
        var webUrl = new Uri($"http://localhost:{ChildApp.FreePort()}");
        const string adminEmail = "admin@bench.communityofpractice.org.uk";
        const string adminPassword = "Bench-admin-2026!";
        using var api = ChildApp.Start("Api", Path.Combine(o.Repo, "src", "Api"),
            Path.Combine(o.Repo, "src", "Api", "bin", "Release", "net10.0", "CommunityOfPractice.Api.dll"), [],
            new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["ASPNETCORE_URLS"] = apiUrl.ToString().TrimEnd('/'),
                ["ConnectionStrings__Postgres"] = o.Postgres,
                ["Admin__Email"] = adminEmail,
                ["Admin__Password"] = adminPassword,
                ["Web__BaseUrl"] = webUrl.ToString().TrimEnd('/'),
                ["Seed__Demo"] = "false",
                ["Community__Joining"] = "Open",
                ["Library__StoragePath"] = Path.Combine(o.Out, "library"),
                ["Oidc__AccessTokenLifetime"] = "04:00:00",
                ["Logging__LogLevel__Default"] = "Warning",
            }, apiUrl, Path.Combine(o.Out, "api.log"));
        await api.WaitUntilHealthyAsync("/health/ready", TimeSpan.FromMinutes(3));
        Log($"PlacesBench: {Environment.ProcessorCount} cores; Api on {apiUrl}");

        // One member who hosts, publishes and speaks for every organisation.
        var admin = await ApiClient.SignInAsync(apiUrl, adminEmail, adminPassword);
        var joined = await ApiClient.JoinAsync(apiUrl, 0);
        var me = (await joined.Http.GetFromJsonAsync<MyProfile>("/api/v1/me", _json))!;
        foreach (var role in new[] { Roles.Host, Roles.Funder })
        {
            using var granted = await admin.Http.PutAsync($"/api/v1/admin/people/{me.Id}/roles/{role}", null);
            await ApiClient.EnsureAsync(granted, "grant a role");
        }

        var member = await ApiClient.SignInAsync(apiUrl, joined.Email, ApiClient.Password);
        var suffix = Guid.NewGuid().ToString()[..6];
        var borough = await PostAsync<PlaceView>(admin.Http, "/api/v1/places", new AddPlaceRequest($"Benchborough {suffix}", PlaceKind.LondonBorough));
        var seeding = Stopwatch.StartNew();

        var organisations = await InParallelAsync(o.Organisations, 4, async i =>
        {
            var organisation = await PostAsync<OrganisationDetail>(member.Http, "/api/v1/organisations/proposals",
                new OrganisationProfileRequest($"Bench organisation {i:000} {suffix}", OrganisationKind.CommunityGroup, null,
                    "Works in the borough.", [borough.Id]));
            var first = _stages[i % 4];
            foreach (var (stage, day) in new[] { (first, new DateOnly(2024, 1, 1).AddDays(i)), (_stages[(i % 4) + 1], new DateOnly(2025, 1, 1).AddDays(i)) })
            {
                await PostAsync<AssessmentView>(member.Http, $"/api/v1/organisations/{organisation.Id}/assessments", new RecordAssessmentRequest(
                    borough.Id, stage, day, $"Bench assessment at {stage}.", i % 10 == 0 ? AssessmentVisibility.Private : AssessmentVisibility.Community,
                    null, null, [me.Id], null, null));
            }

            return organisation.Id;
        });
        Log($"{organisations.Count} organisations with 2 assessments each ({seeding.Elapsed.TotalSeconds:0} s)");

        await InParallelAsync(o.Threads, 4, i => PostAsync<ThreadDetail>(member.Http, "/api/v1/threads",
            new StartThreadRequest($"Bench thread {i:0000}", "What is working in the borough?", [borough.Id], _stages[i % 5])));
        Log($"{o.Threads} threads ({seeding.Elapsed.TotalSeconds:0} s)");

        var start = DateTimeOffset.UtcNow.AddDays(30);
        await InParallelAsync(o.Events, 4, async i =>
        {
            var created = await PostAsync<EventDetail>(member.Http, "/api/v1/events", new EventRequest(
                $"Bench event {i:000}", "A gathering in the borough.", EventKind.Gathering, start.AddHours(i), start.AddHours(i + 2), "Europe/London",
                "Town hall", null, [borough.Id], _stages[i % 5], 100, null, null, null, null));
            return await PostAsync<EventDetail>(member.Http, $"/api/v1/events/{created.Id}/publish", null);
        });
        Log($"{o.Events} events ({seeding.Elapsed.TotalSeconds:0} s)");

        await InParallelAsync(o.Papers, 4, async i =>
        {
            using var form = new MultipartFormDataContent
            {
                {
                    new StringContent(JsonSerializer.Serialize(new PublishPaperRequest(
                        $"Bench paper {i:0000}", "What the borough learned.", PaperType.Report, ["Bench"], null, new DateOnly(2025, 1, 1).AddDays(i % 300),
                        [borough.Id], [_stages[i % 5]], null, "CC BY 4.0", null, i % 2 == 0 ? PaperVisibility.Public : PaperVisibility.Members, null), _json),
                        Encoding.UTF8, "application/json"),
                    "metadata"
                },
            };
            var file = new ByteArrayContent(Pdf($"Bench paper {i} about the borough, number {i * 7919}."));
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(file, "file", $"bench-{i}.pdf");
            using var response = await member.Http.PostAsync("/api/v1/papers", form);
            await ApiClient.EnsureAsync(response, "publish a paper");
            return i;
        });
        Log($"{o.Papers} papers ({seeding.Elapsed.TotalSeconds:0} s); waiting for text extraction to finish");
        await Task.Delay(TimeSpan.FromSeconds(o.Settle));

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"### Place page, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"- Command: `{o.Command}`");
        report.AppendLine(CultureInfo.InvariantCulture,
            $"- Place: one borough with {o.Organisations} organisations (2 assessments each, every tenth private), {o.Threads} threads, {o.Events} events, {o.Papers} papers (half members-only); made through the Api in {seeding.Elapsed.TotalSeconds:0} s");
        report.AppendLine(CultureInfo.InvariantCulture, $"- {o.Samples} sequential requests per row after 5 warm-up ones, over loopback, on {Environment.ProcessorCount} cores; the Api and the Web in Release, each its own process");
        report.AppendLine();
        report.AppendLine("| what | p50 ms | p95 ms | p99 ms | max ms | response | target p95 ≤ 50 ms |");
        report.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | --- |");

        var anonymous = ApiClient.NewHttpClient(apiUrl);
        var rows = new List<(string What, Percentiles Time, int Bytes)>
        {
            await TimeAsync("Api GET /places/{slug} (member)", member.Http, $"/api/v1/places/{borough.Slug}", o.Samples),
            await TimeAsync("Api GET /places/{slug}?stage=Connection (member)", member.Http, $"/api/v1/places/{borough.Slug}?stage=Connection", o.Samples),
            await TimeAsync("Api GET /places/{slug} (visitor)", anonymous, $"/api/v1/places/{borough.Slug}", o.Samples),
            await TimeAsync("Api GET /places (every place with its activity)", member.Http, "/api/v1/places", o.Samples),
        };

        using (var web = ChildApp.Start("Web", Path.Combine(o.Repo, "src", "Web"),
            Path.Combine(o.Repo, "src", "Web", "bin", "Release", "net10.0", "CommunityOfPractice.Web.dll"), [], new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["ASPNETCORE_URLS"] = webUrl.ToString().TrimEnd('/'),
                ["Api__BaseUrl"] = apiUrl.ToString().TrimEnd('/'),
            }, webUrl, Path.Combine(o.Out, "web.log")))
        {
            await web.WaitUntilHealthyAsync("/health/live", TimeSpan.FromMinutes(2));
            var page = $"/places/{borough.Slug}";
            using var browser = await PageTimer.SignInToWebAsync(webUrl, member, page);
            var (time, html) = await PageTimer.TimePageAsync(browser, page, o.Samples);
            rows.Add(("Web GET /places/{slug} (signed in, the whole page)", time, Encoding.UTF8.GetByteCount(html)));
        }

        foreach (var (what, time, bytes) in rows)
        {
            var met = time.P95 <= 50 ? "met" : "**missed**";
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {what} | {time.P50:0.0} | {time.P95:0.0} | {time.P99:0.0} | {time.Max:0.0} | {bytes / 1024.0:0.0} KiB | {met} |");
        }

        var markdown = report.ToString();
        await File.WriteAllTextAsync(Path.Combine(o.Out, "results.md"), markdown);
        Console.WriteLine();
        Console.WriteLine(markdown);
        return rows.All(r => r.Time.P95 <= 50) ? 0 : 2;
    }

    private static async Task<(string, Percentiles, int)> TimeAsync(string what, HttpClient http, string path, int samples)
    {
        var bytes = 0;
        for (var i = 0; i < 5; i++)
        {
            bytes = (await GetAsync(http, path)).Length;
        }

        var times = new List<double>(samples);
        for (var i = 0; i < samples; i++)
        {
            var started = Stopwatch.GetTimestamp();
            bytes = (await GetAsync(http, path)).Length;
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        var time = Percentiles.OfMilliseconds(times);
        Log(string.Create(CultureInfo.InvariantCulture, $"{what}: p50 {time.P50:0.0} ms, p95 {time.P95:0.0} ms ({bytes / 1024.0:0.0} KiB)"));
        return (what, time, bytes);
    }

    private static async Task<byte[]> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        await ApiClient.EnsureAsync(response, $"GET {path}");
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static async Task<T> PostAsync<T>(HttpClient http, string path, object? body)
    {
        using var response = await http.PostAsJsonAsync(path, body, _json);
        await ApiClient.EnsureAsync(response, $"POST {path}");
        return (await response.Content.ReadFromJsonAsync<T>(_json))!;
    }

    private static async Task<List<T>> InParallelAsync<T>(int count, int concurrency, Func<int, Task<T>> make)
    {
        var results = new T[count];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                results[i] = await make(i);
            }
        }));
        return [.. results];
    }

    private static byte[] Pdf(string text)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        builder.AddPage(PageSize.A4).AddText(text, 11, new PdfPoint(40, 790), font);
        return builder.Build();
    }

    private static void Log(string message) =>
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{_clock.Elapsed.TotalSeconds,6:0.0}s] {message}"));

    private sealed record Options(string Repo, string Postgres, string Out, string Command, int Organisations, int Threads, int Events, int Papers, int Samples, int Settle)
    {
        public static Options Parse(string[] args)
        {
            string Value(string name, string fallback)
            {
                var at = Array.IndexOf(args, name);
                return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
            }

            int Number(string name, int fallback) => int.Parse(Value(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
            return new Options(
                Value("--repo", "."), Value("--postgres", string.Empty), Value("--out", "."), Value("--command", "bench/places.sh"),
                Number("--organisations", 100), Number("--threads", 1000), Number("--events", 200), Number("--papers", 1000),
                Number("--samples", 300), Number("--settle", 20));
        }
    }
}
