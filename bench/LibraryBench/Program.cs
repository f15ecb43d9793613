using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using CommunityOfPractice.Contracts;
using CommunityOfPractice.Contracts.Library;
using CommunityOfPractice.Domain.Community;
using CommunityOfPractice.Domain.Library;
using CommunityOfPractice.LibraryBench;
using Npgsql;

// Library benchmark (bench/README.md): upload N synthetic papers to a running Api, wait until their
// text is extracted, then time 50 fixed searches at the Api. Prints a markdown block for docs/benchmarks.md.
// With --hostile first (bench/hostile-files.sh): the hostile PDFs instead, watching the Api's memory.
if (args is ["--hostile", .. var hostileArgs])
{
    return await HostileFiles.RunAsync(hostileArgs);
}

var options = Options.Parse(args);
var invariant = CultureInfo.InvariantCulture;
using var http = new HttpClient { BaseAddress = options.Api, Timeout = TimeSpan.FromMinutes(2) };

var token = await TokenAsync(http, options.AdminEmail, options.AdminPassword);
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

string[] organisationNames = ["Bench Foundation", "Bench Council", "Bench Trust", "Bench Network", "Bench Collaborative"];
foreach (var name in organisationNames)
{
    using var _ = await http.PostAsJsonAsync("api/v1/organisations", new { name });
}

var places = (await http.GetFromJsonAsync<JsonArray>("api/v1/places"))!
    .Select(p => (Id: p!["id"]!.GetValue<Guid>(), Name: p["name"]!.GetValue<string>())).OrderBy(p => p.Name).ToList();
var organisations = (await http.GetFromJsonAsync<JsonArray>("api/v1/organisations"))!
    .Where(o => organisationNames.Contains(o!["name"]!.GetValue<string>()))
    .Select(o => o!["id"]!.GetValue<Guid>()).ToList();
var placeNames = places.Select(p => p.Name).ToList();

// 1. Upload: a producer makes PDFs ahead of the uploaders (bounded, so memory stays small).
Console.WriteLine($"Uploading {options.Papers:N0} papers with {options.Concurrency} uploaders…");
var ready = Channel.CreateBounded<(Corpus.Paper Paper, byte[] Pdf)>(options.Concurrency * 4);
var producer = Task.Run(async () =>
{
    for (var i = 0; i < options.Papers; i++)
    {
        var paper = Corpus.Generate(i, placeNames);
        await ready.Writer.WriteAsync((paper, Corpus.Pdf(paper)));
    }

    ready.Writer.Complete();
});
long bytes = 0, pagesUploaded = 0, failures = 0, done = 0;
var uploadTimes = new List<double>();
var uploadClock = Stopwatch.StartNew();
var uploaders = Enumerable.Range(0, options.Concurrency).Select(_ => Task.Run(async () =>
{
    var times = new List<double>();
    await foreach (var (paper, pdf) in ready.Reader.ReadAllAsync())
    {
        var metadata = JsonSerializer.Serialize(new PublishPaperRequest(
            paper.Title, paper.Summary, Enum.Parse<PaperType>(paper.Type), [$"Author {paper.Index % 97}"],
            organisations[paper.OrganisationIndex % organisations.Count], new DateOnly(paper.Year, 6, 1),
            [places[paper.PlaceIndex].Id], [Enum.Parse<FrameworkStage>(paper.Stage)], Hashtags: null, "CC BY 4.0", ExternalUrl: null,
            paper.Index % 5 == 0 ? PaperVisibility.Members : PaperVisibility.Public, ThreadId: null), ApiJson.Options);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(metadata, Encoding.UTF8, "application/json"), "metadata" },
        };
        var file = new ByteArrayContent(pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", $"paper-{paper.Index}.pdf");
        var started = Stopwatch.GetTimestamp();
        using var response = await http.PostAsync("api/v1/papers", form);
        times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        if (response.IsSuccessStatusCode)
        {
            Interlocked.Add(ref bytes, pdf.Length);
            Interlocked.Add(ref pagesUploaded, paper.Pages.Length);
        }
        else if (Interlocked.Increment(ref failures) <= 3)
        {
            Console.WriteLine($"  upload failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        if (Interlocked.Increment(ref done) % 1000 == 0)
        {
            Console.WriteLine($"  {done:N0} uploaded ({uploadClock.Elapsed.TotalSeconds:N0} s)");
        }
    }

    return times;
})).ToList();
foreach (var uploader in uploaders)
{
    uploadTimes.AddRange(await uploader);
}

await producer;
var uploadSeconds = uploadClock.Elapsed.TotalSeconds;

// 2. Extraction: wait until the queue is empty, then read the worker's own timestamps.
Console.WriteLine("Waiting for text extraction…");
await using var db = new NpgsqlConnection(options.Postgres);
await db.OpenAsync();
while (true)
{
    await using var pending = new NpgsqlCommand("SELECT count(*) FROM paper_versions WHERE status = 'Indexing'", db);
    var left = (long)(await pending.ExecuteScalarAsync())!;
    if (left == 0)
    {
        break;
    }

    Console.WriteLine($"  {left:N0} versions still indexing");
    await Task.Delay(TimeSpan.FromSeconds(5));
}

await using var stats = new NpgsqlCommand("""
    SELECT count(*), count(*) FILTER (WHERE status = 'Failed'), sum(page_count),
           extract(epoch FROM max(indexed_at) - min(uploaded_at)), (SELECT count(*) FROM paper_pages)
    FROM paper_versions
    """, db);
await using (var reader = await stats.ExecuteReaderAsync())
{
    await reader.ReadAsync();
    options.Extraction = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetDouble(3), reader.GetInt64(4));
}

// 3. Search: the 50 fixed queries, warm-up once, then `repetitions` rounds one at a time.
var queries = Queries.All(places.ToDictionary(p => p.Name, p => p.Id));
foreach (var query in queries)
{
    using var _ = await http.GetAsync($"api/v1/papers?{query}");
}

var samples = new List<double>();
var perQuery = queries.ToDictionary(q => q, _ => new List<double>());
var totals = new Dictionary<string, int>();
for (var round = 0; round < options.Repetitions; round++)
{
    foreach (var query in queries)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await http.GetAsync($"api/v1/papers?{query}");
        var body = await response.Content.ReadAsStringAsync();
        var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Search {query} answered {(int)response.StatusCode}: {body}");
        }

        samples.Add(ms);
        perQuery[query].Add(ms);
        totals[query] = JsonSerializer.Deserialize<SearchResults>(body, ApiJson.Options)!.Total;
    }
}

// 4. Report.
static double Percentile(List<double> values, double p)
{
    var sorted = values.Order().ToList();
    return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
}

var (versions, failed, pages, extractionSeconds, pageRows) = options.Extraction;
var slowest = perQuery.OrderByDescending(q => Percentile(q.Value, 95)).Take(3).ToList();
var report = new StringBuilder();
report.AppendLine(invariant, $"### Library search ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores)");
report.AppendLine();
report.AppendLine(invariant, $"Command: `{options.Command}`");
report.AppendLine();
report.AppendLine("| what | figure |");
report.AppendLine("| --- | --- |");
report.AppendLine(invariant, $"| papers uploaded | {versions:N0} ({failures} failed uploads), {pages:N0} pages, {bytes / 1048576.0:N1} MB of PDF |");
report.AppendLine(invariant, $"| upload throughput | {bytes / 1048576.0 / uploadSeconds:N2} MB/s, {versions / uploadSeconds:N0} papers/s ({options.Concurrency} concurrent uploads, extraction running alongside); per upload p50 {Percentile(uploadTimes, 50):N1} ms, p95 {Percentile(uploadTimes, 95):N1} ms |");
report.AppendLine(invariant, $"| extraction throughput | {pages / extractionSeconds:N0} pages/s ({pages:N0} pages from first upload to last indexed in {extractionSeconds:N0} s; {failed} failed; {pageRows:N0} page rows) |");
report.AppendLine(invariant, $"| search latency at the Api ({queries.Count} queries × {options.Repetitions}, one at a time) | p50 {Percentile(samples, 50):N1} ms, p95 {Percentile(samples, 95):N1} ms, p99 {Percentile(samples, 99):N1} ms, max {samples.Max():N1} ms |");
report.AppendLine(invariant, $"| slowest queries (p95) | {string.Join("; ", slowest.Select(q => $"`{q.Key}` {Percentile(q.Value, 95):N1} ms ({totals[q.Key]:N0} hits)"))} |");
report.AppendLine();
Console.WriteLine();
Console.WriteLine(report);
if (options.Out is { } outDir)
{
    Directory.CreateDirectory(outDir);
    await File.WriteAllTextAsync(Path.Combine(outDir, "results.md"), report.ToString());
    await File.WriteAllLinesAsync(Path.Combine(outDir, "queries.tsv"),
        perQuery.Select(q => $"{Percentile(q.Value, 50):N1}\t{Percentile(q.Value, 95):N1}\t{totals[q.Key]}\t{q.Key}"));
}

return Percentile(samples, 95) <= options.TargetP95 ? 0 : 2;

static async Task<string> TokenAsync(HttpClient http, string email, string password)
{
    using var response = await http.PostAsync("connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
    {
        ["grant_type"] = "password", ["client_id"] = "cop-cli", ["username"] = email, ["password"] = password,
        ["scope"] = "openid profile roles api",
    }));
    var body = await response.Content.ReadAsStringAsync();
    return response.IsSuccessStatusCode
        ? JsonNode.Parse(body)!["access_token"]!.GetValue<string>()
        : throw new InvalidOperationException($"No token for {email}: {body}");
}

internal sealed class Options
{
    public Uri Api { get; private set; } = new("http://127.0.0.1:5081/");
    public string Postgres { get; private set; } = string.Empty;
    public string AdminEmail { get; private set; } = "admin@bench.communityofpractice.org.uk";
    public string AdminPassword { get; private set; } = "Bench-pass-2026!";
    public int Papers { get; private set; } = 10_000;
    public int Concurrency { get; private set; } = 4;
    public int Repetitions { get; private set; } = 20;
    public double TargetP95 { get; private set; } = 50;
    public string? Out { get; private set; }
    public string Command { get; private set; } = "bench/library.sh";
    public (long Versions, long Failed, long Pages, double Seconds, long PageRows) Extraction { get; set; }

    public static Options Parse(string[] args)
    {
        var options = new Options();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            switch (args[i])
            {
                case "--api": options.Api = new Uri(value.TrimEnd('/') + "/"); break;
                case "--postgres": options.Postgres = value; break;
                case "--admin-email": options.AdminEmail = value; break;
                case "--admin-password": options.AdminPassword = value; break;
                case "--papers": options.Papers = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--concurrency": options.Concurrency = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--repetitions": options.Repetitions = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--target-p95": options.TargetP95 = double.Parse(value, CultureInfo.InvariantCulture); break;
                case "--out": options.Out = value; break;
                case "--command": options.Command = value; break;
                default: throw new ArgumentException($"Unknown option {args[i]} (see bench/README.md).");
            }
        }

        return options;
    }
}
