using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CommunityOfPractice.Testing;

namespace CommunityOfPractice.LibraryBench;

/// <summary>
/// bench/hostile-files.sh: uploads each generated hostile PDF (tests/Testing/HostilePdfs.cs) to a
/// running Api, samples the Api's resident memory (/proc/&lt;pid&gt;/status VmRSS, and its PDF
/// readers' beside it) and times /health/ready throughout, until the upload is refused or its
/// extraction has ended. Target per fixture: the Api grows by less than 256 MB and readiness
/// answers within 1 s. Exit code 2 when a fixture misses either.
/// </summary>
internal static class HostileFiles
{
    private const double GrowthTargetMegabytes = 256;
    private const double ReadyTargetMilliseconds = 1000;

    public static async Task<int> RunAsync(string[] args)
    {
        // --write <folder>: only the files, to upload by hand (./cop run, as the demo funder).
        if (args is ["--write", var folder])
        {
            Directory.CreateDirectory(folder);
            foreach (var (name, build) in HostilePdfs.All)
            {
                var path = Path.Combine(folder, $"{name.Replace(' ', '-').Replace(",", string.Empty, StringComparison.Ordinal)}.pdf");
                await File.WriteAllBytesAsync(path, build());
                Console.WriteLine(path);
            }

            return 0;
        }

        string api = "http://127.0.0.1:5081/", email = "admin@bench.communityofpractice.org.uk", password = "Bench-pass-2026!";
        string? outDir = null, command = "bench/hostile-files.sh";
        var pid = 0;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--api": api = args[i + 1].TrimEnd('/') + "/"; break;
                case "--api-pid": pid = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--admin-email": email = args[i + 1]; break;
                case "--admin-password": password = args[i + 1]; break;
                case "--out": outDir = args[i + 1]; break;
                case "--command": command = args[i + 1]; break;
                default: throw new ArgumentException($"Unknown option {args[i]} (see bench/README.md).");
            }
        }

        if (pid == 0 || !File.Exists($"/proc/{pid}/status"))
        {
            throw new ArgumentException("--api-pid must name the running Api's process (Linux /proc).");
        }

        using var http = new HttpClient { BaseAddress = new Uri(api), Timeout = TimeSpan.FromMinutes(10) };
        using var probe = new HttpClient { BaseAddress = new Uri(api), Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(http, email, password));

        var rows = new List<string>();
        var missed = false;
        foreach (var (name, build) in HostilePdfs.All)
        {
            var pdf = build();
            Console.WriteLine($"{name}: {pdf.Length / 1048576.0:N1} MB…");
            using var sampling = new CancellationTokenSource();
            var baseline = ResidentBytes(pid);
            var samples = SampleAsync(pid, probe, sampling.Token);
            var started = Stopwatch.GetTimestamp();
            var outcome = await UploadAndWaitAsync(http, name, pdf);
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            await sampling.CancelAsync();
            var (peak, readerPeak, readyMax, readyFailures, probes) = await samples;
            var growth = (peak - baseline) / 1048576.0;
            var ok = growth < GrowthTargetMegabytes && readyMax < ReadyTargetMilliseconds && readyFailures == 0;
            missed |= !ok;
            rows.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {pdf.Length / 1048576.0:N1} MB | {outcome} | {seconds:N1} s | {baseline / 1048576.0:N0} → {peak / 1048576.0:N0} MB (+{growth:N0}) | {readerPeak / 1048576.0:N0} MB | {readyMax:N0} ms ({probes} probes, {readyFailures} failed) | {(ok ? "met" : "missed")} |"));
            Console.WriteLine(rows[^1]);
        }

        using var health = await probe.GetAsync("health/ready");
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"### Hostile files ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores)");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Command: `{command}`. Targets: the Api grows < {GrowthTargetMegabytes:N0} MB, `/health/ready` < {ReadyTargetMilliseconds:N0} ms throughout.");
        report.AppendLine();
        report.AppendLine("| fixture | size | outcome | took | Api resident memory (peak growth) | reader peak | max /health/ready | target |");
        report.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        rows.ForEach(row => report.AppendLine(row));
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Afterwards: the Api (pid {pid}) is {(File.Exists($"/proc/{pid}/status") ? "alive" : "GONE")}, `/health/ready` {(int)health.StatusCode}.");
        Console.WriteLine();
        Console.WriteLine(report);
        if (outDir is not null)
        {
            Directory.CreateDirectory(outDir);
            await File.WriteAllTextAsync(Path.Combine(outDir, "results.md"), report.ToString());
        }

        return missed || !health.IsSuccessStatusCode ? 2 : 0;
    }

    /// <summary>"400 on file: …", or "201, then Failed: …" once the extraction has ended.</summary>
    private static async Task<string> UploadAndWaitAsync(HttpClient http, string name, byte[] pdf)
    {
        var metadata = JsonSerializer.Serialize(new
        {
            title = $"Hostile: {name} {Guid.NewGuid():N}",
            summary = "A file built to hurt a PDF reader.",
            type = "Report",
            authors = new[] { "Bench" },
            publishedOn = "2025-06-01",
            licence = "CC BY 4.0",
            visibility = "Public",
        });
        using var form = new MultipartFormDataContent { { new StringContent(metadata, Encoding.UTF8, "application/json"), "metadata" } };
        var file = new ByteArrayContent(pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "hostile.pdf");
        using var response = await http.PostAsync("api/v1/papers", form);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        if (!response.IsSuccessStatusCode)
        {
            var message = body?["errors"]?["file"]?[0]?.GetValue<string>() ?? body?["detail"]?.GetValue<string>() ?? "?";
            return $"{(int)response.StatusCode} on file: {Short(message)}";
        }

        var id = body!["id"]!.GetValue<string>();
        for (var deadline = Stopwatch.StartNew(); deadline.Elapsed < TimeSpan.FromMinutes(10);)
        {
            var paper = JsonNode.Parse(await http.GetStringAsync($"api/v1/papers/{id}"))!;
            var version = paper["versions"]![0]!;
            var status = version["status"]!.GetValue<string>();
            if (status != "Indexing")
            {
                return $"201, then {status}{(version["extractionError"]?.GetValue<string>() is { } error ? ": " + Short(error) : string.Empty)}";
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        return "201, still indexing after 10 minutes";
    }

    /// <summary>Every 100 ms the Api's and its children's resident memory; /health/ready one request after another.</summary>
    private static async Task<(long Peak, long ReaderPeak, double ReadyMax, int ReadyFailures, int Probes)> SampleAsync(
        int pid, HttpClient probe, CancellationToken stop)
    {
        long peak = 0, readerPeak = 0;
        var memory = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, ResidentBytes(pid));
                readerPeak = Math.Max(readerPeak, Children(pid).Sum(ResidentBytes));
                await Task.Delay(100, CancellationToken.None);
            }
        }, CancellationToken.None);
        double readyMax = 0;
        int failures = 0, probes = 0;
        while (!stop.IsCancellationRequested)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var response = await probe.GetAsync("health/ready", CancellationToken.None);
                failures += response.IsSuccessStatusCode ? 0 : 1;
            }
            catch (HttpRequestException)
            {
                failures++;
            }
            catch (TaskCanceledException)
            {
                failures++;
            }

            probes++;
            readyMax = Math.Max(readyMax, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            await Task.Delay(200, CancellationToken.None);
        }

        await memory;
        return (peak, readerPeak, readyMax, failures, probes);
    }

    private static IEnumerable<int> Children(int pid)
    {
        var tasks = $"/proc/{pid}/task";
        if (!Directory.Exists(tasks))
        {
            return [];
        }

        var children = new List<int>();
        foreach (var task in Directory.EnumerateDirectories(tasks))
        {
            try
            {
                children.AddRange(File.ReadAllText(Path.Combine(task, "children"))
                    .Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(c => int.Parse(c, CultureInfo.InvariantCulture)));
            }
            catch (IOException)
            {
                // The thread has just ended.
            }
        }

        return children.Distinct();
    }

    private static long ResidentBytes(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line[6..].Replace("kB", string.Empty, StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static string Short(string text) => (text.Length > 110 ? text[..110] + "…" : text).Replace("|", "/", StringComparison.Ordinal);

    private static async Task<string> TokenAsync(HttpClient http, string email, string password)
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
}
