using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace CommunityOfPractice.LiveBench;

/// <summary>The whole run: Api phase (pages, then subscriber counts and capacity), then the bare broadcast at the same counts.</summary>
public static class Bench
{
    private static readonly Stopwatch _clock = Stopwatch.StartNew();

    public static async Task<int> RunAsync(BenchOptions o)
    {
        var startedUtc = DateTime.UtcNow;
        Directory.CreateDirectory(o.OutputDirectory);
        var machine = Machine.Describe();
        Log($"LiveBench on {machine}");
        Log($"output: {o.OutputDirectory}");
        foreach (var dll in new[] { o.ApiDll }.Concat(o.Web ? [o.WebDll] : []))
        {
            if (!File.Exists(dll))
            {
                throw new FileNotFoundException($"{dll} is missing: build Release first (bench/run.sh does)");
            }
        }

        var runner = new ScenarioRunner(o, Log);
        var webPort = ChildApp.FreePort();
        var apiPort = ChildApp.FreePort();
        var apiUrl = new Uri($"http://127.0.0.1:{apiPort}");
        var webUrl = new Uri($"http://localhost:{webPort}");

        // ---------------------------------------------------------------- the Api
        Log($"starting the Api on {apiUrl}");
        var apiEnvironment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = apiUrl.ToString().TrimEnd('/'),
            ["ConnectionStrings__Postgres"] = o.Postgres,
            ["Admin__Email"] = "admin@bench.communityofpractice.org.uk",
            ["Admin__Password"] = "Bench-admin-2026!",
            ["Web__BaseUrl"] = webUrl.ToString().TrimEnd('/'),
            ["Seed__Demo"] = "false",
            // Members the bench registers join at once, without a moderator approving them.
            ["Community__Joining"] = "Open",
            // Connections close when their token expires (CloseOnAuthenticationExpiration); a
            // full run outlasts the default 15 minutes.
            ["Oidc__AccessTokenLifetime"] = "04:00:00",
            // A few members write hundreds of replies a minute and thousands of connections share
            // their tokens to subscribe: far past the per-member flood limits (20 posts, 120
            // subscribes a minute), which would answer 429 and count as lost copies.
            ["RateLimits__Posts__PermitLimit"] = "1000000",
            ["RateLimits__Subscribe__PermitLimit"] = "1000000",
        };
        foreach (var (name, value) in o.ApiEnvironment)
        {
            apiEnvironment[name] = value;
            Log($"Api environment: {name}={value}");
        }

        var api = ChildApp.Start("Api", Path.Combine(o.RepoRoot, "src", "Api"), o.ApiDll, [], apiEnvironment, apiUrl,
            Path.Combine(o.OutputDirectory, "api.log"));
        await api.WaitUntilHealthyAsync("/health/ready", TimeSpan.FromMinutes(3));
        Log($"Api ready (pid {api.Pid})");

        var members = new BenchMember[o.Members];
        var nextMember = -1;
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref nextMember)) < members.Length)
            {
                members[i] = await ApiClient.JoinAsync(apiUrl, i);
            }
        }));
        var thread = await ApiClient.StartThreadAsync(members[0]);
        Log($"{members.Length} members joined; thread {thread.Id}");

        var apiTarget = new ApiTarget(api, members, o.Writers, thread.Id, o.ConnectBatch);
        var fill = await Load.FillAsync(apiTarget, o.Writers, 200, 8);
        Log(string.Create(CultureInfo.InvariantCulture, $"filled the thread with {fill.Posts} posts in {fill.Elapsed.TotalSeconds:0.0} s"));

        var pages = new List<PageTiming> { await PageTimer.ApiPostsAsync(members[0], thread.Id, o.PageSamples) };
        if (o.Web)
        {
            pages.Add(await TimeWebPageAsync(o, apiUrl, webUrl, members[^1], thread.Id));
        }

        foreach (var page in pages)
        {
            Log($"{page.What}: p50 {page.Time.P50:0.0} ms, p95 {page.Time.P95:0.0} ms ({page.Note})");
        }

        var sample = await apiTarget.SampleEventJsonAsync();
        var eventBytes = Encoding.UTF8.GetByteCount(sample);
        Log($"one post.added event is {eventBytes} bytes of JSON");

        // Each protocol in turn on the same Api and thread, with subscribers of its own.
        var apiResults = new List<ScenarioResult>();
        var capacities = new Dictionary<string, string>();
        var rssBaselines = new Dictionary<string, long>();
        foreach (var protocol in o.Protocols)
        {
            var target = protocol == apiTarget.Protocol ? apiTarget : new ApiTarget(api, members, o.Writers, thread.Id, o.ConnectBatch, protocol);
            await runner.SettleAsync(target);
            var rss0 = Machine.RssKb(api.Pid);
            Log($"{target.Name}: Api resident memory with no subscriber: {rss0 / 1024.0:0} MB");
            Log(Report.Header);
            capacities[target.Name] = await RunCountsAsync(o, runner, target, rss0, apiResults, CandidateCounts(o), isBaseline: false);
            rssBaselines[target.Name] = rss0;
            if (target != apiTarget)
            {
                await target.DisposeSubscribersAsync();
            }
            else if (protocol != o.Protocols[^1])
            {
                await apiTarget.DisposeSubscribersAsync();
            }
        }

        await apiTarget.DisposeAsync();

        // ---------------------------------------------------------------- the bare broadcast
        var baselineResults = new List<ScenarioResult>();
        long bareRss0 = 0;
        if (o.Baseline)
        {
            var barePort = ChildApp.FreePort();
            var bareUrl = new Uri($"http://127.0.0.1:{barePort}");
            Log($"starting the bare SignalR hub on {bareUrl}");
            var bareServer = ChildApp.Start("bare hub", o.OutputDirectory, typeof(Bench).Assembly.Location, ["baseline-server"],
                new Dictionary<string, string>
                {
                    ["ASPNETCORE_URLS"] = bareUrl.ToString().TrimEnd('/'),
                    // Like the Api (an ASP.NET Core web app): server GC.
                    ["DOTNET_gcServer"] = "1",
                }, bareUrl, Path.Combine(o.OutputDirectory, "bare.log"));
            await bareServer.WaitUntilHealthyAsync("/health/ready", TimeSpan.FromMinutes(1));
            var bare = await BaselineTarget.StartAsync(bareServer, sample, o.Writers, o.ConnectBatch);
            // Warm the bare server's code paths as the fill did the Api's.
            await Load.FillAsync(bare, o.Writers, 200, 8);
            await runner.SettleAsync(bare);
            bareRss0 = Machine.RssKb(bareServer.Pid);
            Log(Report.Header);
            capacities[bare.Name] = await RunCountsAsync(o, runner, bare, bareRss0, baselineResults,
                [.. apiResults.Select(r => r.Subscribers).Distinct().Order()], isBaseline: true);
            rssBaselines[bare.Name] = bareRss0;
            await bare.DisposeAsync();
        }

        var report = new RunReport(o, machine, startedUtc, _clock.Elapsed, eventBytes, fill, pages, apiResults, baselineResults,
            capacities, rssBaselines);
        var markdown = Report.Markdown(report);
        await File.WriteAllTextAsync(Path.Combine(o.OutputDirectory, "results.md"), markdown);
        var chart = CapacityChart.Svg(report);
        await File.WriteAllTextAsync(Path.Combine(o.OutputDirectory, "capacity.svg"), chart);
        if (o.ChartPath is { } chartPath)
        {
            await File.WriteAllTextAsync(chartPath, chart);
            Log($"capacity chart: {chartPath}");
        }

        Console.WriteLine();
        Console.WriteLine(Report.Text(report));
        Console.WriteLine("---- markdown for docs/benchmarks.md (also in " + Path.Combine(o.OutputDirectory, "results.md") + ") ----");
        Console.WriteLine(markdown);
        return 0;
    }

    /// <summary>The fixed counts and, for the capacity search, steps from the start up to the maximum.</summary>
    private static List<int> CandidateCounts(BenchOptions o)
    {
        var counts = new SortedSet<int>(o.Sizes);
        if (o.Capacity)
        {
            for (var n = o.CapacityStart; n <= o.CapacityMax; n += o.CapacityStep)
            {
                counts.Add(n);
            }
        }

        return [.. counts];
    }

    /// <summary>
    /// Runs the counts in ascending order on one growing set of connections. Capacity steps stop
    /// after the first one whose p95 passes the limit; the fixed counts always run.
    /// </summary>
    private static async Task<string> RunCountsAsync(BenchOptions o, ScenarioRunner runner, ITarget target, long rss0,
        List<ScenarioResult> results, IReadOnlyList<int> counts, bool isBaseline)
    {
        int? held = null;
        var searching = o.Capacity;
        var passed = false;
        foreach (var n in counts)
        {
            var isStep = o.Capacity && n >= o.CapacityStart && (n - o.CapacityStart) % o.CapacityStep == 0;
            var isFixed = o.Sizes.Contains(n) || isBaseline;
            if (!isFixed && !searching)
            {
                continue;
            }

            if (target.Server.HasExited)
            {
                Log($"{target.Name} has exited; see {target.Server.LogPath}:\n{target.Server.Tail()}");
                break;
            }

            var result = await runner.RunAsync(target, n, rss0);
            results.Add(result);
            Log(Report.Row(result, o.Duration));
            if (isStep && searching)
            {
                if (result.Held(o.CapacityP95Ms))
                {
                    held = n;
                }
                else
                {
                    searching = false;
                    passed = true;
                }
            }
        }

        if (!o.Capacity)
        {
            return "-";
        }

        return (held, passed) switch
        {
            (null, true) => $"fewer than {o.CapacityStart:N0}",
            (null, false) => "not measured",
            ({ } n, true) => $"{n:N0}",
            ({ } n, false) => isBaseline ? $"≥ {n:N0} (largest count run)" : $"≥ {n:N0} (p95 never passed {o.CapacityP95Ms:0} ms up to --capacity-max)",
        };
    }

    private static async Task<PageTiming> TimeWebPageAsync(BenchOptions o, Uri apiUrl, Uri webUrl, BenchMember member, Guid threadId)
    {
        const string What = "Web GET /Threads/{id} (signed in)";
        ChildApp? web = null;
        try
        {
            Log($"starting the Web on {webUrl}");
            web = ChildApp.Start("Web", Path.Combine(o.RepoRoot, "src", "Web"), o.WebDll, [], new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["ASPNETCORE_URLS"] = webUrl.ToString().TrimEnd('/'),
                ["Api__BaseUrl"] = apiUrl.ToString().TrimEnd('/'),
            }, webUrl, Path.Combine(o.OutputDirectory, "web.log"));
            await web.WaitUntilHealthyAsync("/health/live", TimeSpan.FromMinutes(2));
            return await PageTimer.WebThreadPageAsync(webUrl, member, threadId, o.PageSamples);
        }
        catch (Exception e)
        {
            Log($"the Web page was not measured: {e.Message}");
            return new PageTiming(What, Percentiles.Empty, "not measured: " + e.Message.Split('\n')[0]);
        }
        finally
        {
            web?.Dispose();
        }
    }

    public static void Log(string message) =>
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{_clock.Elapsed.TotalSeconds,6:0.0}s] {message}"));
}
