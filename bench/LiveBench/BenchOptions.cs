using System.Globalization;

namespace CommunityOfPractice.LiveBench;

/// <summary>How the Api's subscribers speak to the hub (the bare hub's always speak JSON).</summary>
public enum BenchProtocol
{
    Json,
    MessagePack,
}

/// <summary>What one run does. Defaults are the full run; <c>--quick</c> is the smoke check.</summary>
public sealed class BenchOptions
{
    public bool Quick { get; private set; }

    /// <summary>The repository root (src/Api, src/Web are found from it).</summary>
    public string RepoRoot { get; private set; } = string.Empty;

    /// <summary>Connection string of an empty database the Api migrates and uses.</summary>
    public string Postgres { get; private set; } = string.Empty;

    public string ApiDll { get; private set; } = string.Empty;

    public string WebDll { get; private set; } = string.Empty;

    /// <summary>Where logs and the markdown result go.</summary>
    public string OutputDirectory { get; private set; } = string.Empty;

    /// <summary>Total posts per second across all writers.</summary>
    public double Rate { get; private set; } = 20;

    public int Writers { get; private set; } = 4;

    /// <summary>Members whose tokens the subscriber connections share (writers are the first ones).</summary>
    public int Members { get; private set; } = 20;

    public TimeSpan Warmup { get; private set; } = TimeSpan.FromSeconds(5);

    public TimeSpan Duration { get; private set; } = TimeSpan.FromSeconds(20);

    /// <summary>How long after the last post a copy may still arrive before it counts as missing.</summary>
    public TimeSpan DrainTimeout { get; private set; } = TimeSpan.FromSeconds(30);

    public IReadOnlyList<int> Sizes { get; private set; } = [1, 100, 1000, 5000];

    public bool Capacity { get; private set; } = true;

    public int CapacityStart { get; private set; } = 1000;

    public int CapacityStep { get; private set; } = 1000;

    public int CapacityMax { get; private set; } = 10_000;

    public double CapacityP95Ms { get; private set; } = 250;

    public bool Baseline { get; private set; } = true;

    /// <summary>The Api is measured once per protocol, in this order, each with its own subscribers.</summary>
    public IReadOnlyList<BenchProtocol> Protocols { get; private set; } = [BenchProtocol.Json, BenchProtocol.MessagePack];

    /// <summary>Where the capacity chart (p95 against subscribers) goes besides the output directory; the full run draws docs/capacity.svg.</summary>
    public string? ChartPath { get; private set; }

    public bool Web { get; private set; } = true;

    /// <summary>Sequential requests timed for each page figure.</summary>
    public int PageSamples { get; private set; } = 100;

    /// <summary>Concurrent connection attempts while adding subscribers.</summary>
    public int ConnectBatch { get; private set; } = 100;

    /// <summary>Extra environment for the Api process (<c>--api-env NAME=VALUE</c>), to try a setting without a code change.</summary>
    public Dictionary<string, string> ApiEnvironment { get; } = [];

    /// <summary>The command as the person typed it (for the report); run.sh passes it.</summary>
    public string Command { get; private set; } = "bench/run.sh";

    public static string Usage => """
        Usage: LiveBench [options]          (normally through bench/run.sh, which sets --repo and --postgres)
               LiveBench baseline-server --urls http://127.0.0.1:PORT

          --quick                 N = 1 and 100 only, 5 s each (2 s warm-up), no capacity search
          --repo DIR              repository root (default: found upwards from the current directory)
          --postgres CS           connection string of an empty database for the Api (required)
          --api-dll PATH          default src/Api/bin/Release/net10.0/CommunityOfPractice.Api.dll
          --web-dll PATH          default src/Web/bin/Release/net10.0/CommunityOfPractice.Web.dll
          --out DIR               logs and results (default .cop/bench/<UTC time>)
          --rate R                total posts per second (default 20)
          --writers M             writer members posting in turn (default 4)
          --members K             members whose tokens subscribers share (default 20)
          --warmup S --duration S seconds of warm-up (not measured) and of measurement (default 5, 20)
          --sizes 1,100,...       subscriber counts to measure (default 1,100,1000,5000)
          --no-capacity           skip the capacity search (steps of --capacity-step from --capacity-start
                                  until p95 passes --capacity-p95 ms; defaults 1000, 1000, 250; max --capacity-max)
          --no-baseline           skip the bare SignalR broadcast
          --protocol LIST         the Api's subscribers speak json, msgpack, or both in turn (default json,msgpack);
                                  the bare hub's always speak JSON
          --chart PATH            also write the capacity chart (SVG) there (a full run defaults to docs/capacity.svg;
                                  every run writes capacity.svg into --out)
          --no-web                skip starting the Web for the thread page timing
          --page-samples K        requests timed per page figure (default 100)
          --api-env NAME=VALUE    extra environment for the Api process (repeatable), e.g. to try a runtime setting
          --command TEXT          the command line to print in the report
          --postgres-pid PID      PostgreSQL's postmaster, whose processes count as "cpu pg" (default: every postgres process)
        """;

    public static BenchOptions? Parse(string[] args)
    {
        var options = new BenchOptions();
        string? apiDll = null, webDll = null, output = null;
        int? warmup = null, duration = null, samples = null;
        IReadOnlyList<int>? sizes = null;
        bool? capacity = null;
        string? chart = null;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{arg} needs a value");
            switch (arg)
            {
                case "--quick": options.Quick = true; break;
                case "--repo": options.RepoRoot = Path.GetFullPath(Next()); break;
                case "--postgres": options.Postgres = Next(); break;
                case "--api-dll": apiDll = Next(); break;
                case "--web-dll": webDll = Next(); break;
                case "--out": output = Next(); break;
                case "--rate": options.Rate = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--writers": options.Writers = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--members": options.Members = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--warmup": warmup = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--duration": duration = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--sizes": sizes = [.. Next().Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture))]; break;
                case "--no-capacity": capacity = false; break;
                case "--capacity-start": options.CapacityStart = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--capacity-step": options.CapacityStep = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--capacity-max": options.CapacityMax = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--capacity-p95": options.CapacityP95Ms = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--no-baseline": options.Baseline = false; break;
                case "--protocol": options.Protocols = ParseProtocols(Next()); break;
                case "--chart": chart = Next(); break;
                case "--no-web": options.Web = false; break;
                case "--page-samples": samples = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--command": options.Command = Next(); break;
                case "--api-env":
                    var setting = Next();
                    var equals = setting.IndexOf('=', StringComparison.Ordinal);
                    if (equals <= 0)
                    {
                        throw new ArgumentException("--api-env takes NAME=VALUE");
                    }

                    options.ApiEnvironment[setting[..equals]] = setting[(equals + 1)..];
                    break;
                case "--postgres-pid": Machine.PostgresPid = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "-h" or "--help":
                    Console.WriteLine(Usage);
                    return null;
                default:
                    throw new ArgumentException($"unknown option {arg}\n\n{Usage}");
            }
        }

        if (options.Quick)
        {
            options.Sizes = [1, 100];
            options.Warmup = TimeSpan.FromSeconds(2);
            options.Duration = TimeSpan.FromSeconds(5);
            options.Capacity = false;
            options.PageSamples = 30;
            options.DrainTimeout = TimeSpan.FromSeconds(15);
        }

        options.Sizes = sizes ?? options.Sizes;
        options.Capacity = capacity ?? options.Capacity;
        options.PageSamples = samples ?? options.PageSamples;
        if (warmup is { } w)
        {
            options.Warmup = TimeSpan.FromSeconds(w);
        }

        if (duration is { } d)
        {
            options.Duration = TimeSpan.FromSeconds(d);
        }

        if (string.IsNullOrEmpty(options.RepoRoot))
        {
            options.RepoRoot = FindRepoRoot() ?? throw new ArgumentException("run from inside the repository or pass --repo");
        }

        options.Postgres = string.IsNullOrWhiteSpace(options.Postgres)
            ? Environment.GetEnvironmentVariable("COP_BENCH_POSTGRES") ?? throw new ArgumentException("--postgres (or COP_BENCH_POSTGRES) is required: bench/run.sh sets it")
            : options.Postgres;
        options.ApiDll = Path.GetFullPath(apiDll ?? Path.Combine(options.RepoRoot, "src/Api/bin/Release/net10.0/CommunityOfPractice.Api.dll"));
        options.WebDll = Path.GetFullPath(webDll ?? Path.Combine(options.RepoRoot, "src/Web/bin/Release/net10.0/CommunityOfPractice.Web.dll"));
        options.OutputDirectory = Path.GetFullPath(output ?? Path.Combine(options.RepoRoot, ".cop", "bench",
            DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)));
        // Only a full run's chart belongs in the docs; a smoke run's stays in its output directory.
        var fullRun = !options.Quick && sizes is null && capacity is null && options.Protocols.Count == 2 && options.Baseline;
        options.ChartPath = chart is not null ? Path.GetFullPath(chart)
            : fullRun ? Path.Combine(options.RepoRoot, "docs", "capacity.svg") : null;
        options.Writers = Math.Max(1, options.Writers);
        options.Members = Math.Max(options.Members, options.Writers);
        if (options.Rate <= 0)
        {
            throw new ArgumentException("--rate must be positive");
        }

        return options;
    }

    private static List<BenchProtocol> ParseProtocols(string value) =>
        [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => p.ToLowerInvariant() switch
        {
            "json" => BenchProtocol.Json,
            "msgpack" or "messagepack" => BenchProtocol.MessagePack,
            _ => throw new ArgumentException($"--protocol takes json, msgpack or json,msgpack, not {p}"),
        }).Distinct()];

    private static string? FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CommunityOfPractice.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
