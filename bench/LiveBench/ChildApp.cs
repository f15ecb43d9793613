using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CommunityOfPractice.LiveBench;

/// <summary>
/// A server this run started (the Api, the Web, the bare baseline hub) as its own process, so that
/// its memory and CPU can be read from /proc apart from the clients'. Output goes to a log file.
/// </summary>
public sealed class ChildApp : IDisposable
{
    private static readonly List<ChildApp> _running = [];
    private readonly Process _process;

    private ChildApp(string name, Process process, Uri baseUrl, string logPath)
    {
        Name = name;
        _process = process;
        BaseUrl = baseUrl;
        LogPath = logPath;
    }

    static ChildApp()
    {
        // Whatever way this run ends, it leaves no server of its own behind.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAll();
        Console.CancelKeyPress += (_, _) => StopAll();
    }

    public string Name { get; }

    public Uri BaseUrl { get; }

    public string LogPath { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts <c>dotnet {dll} {args}</c> in <paramref name="workingDirectory"/> with extra environment.</summary>
    public static ChildApp Start(string name, string workingDirectory, string dll, IReadOnlyList<string> args,
        IReadOnlyDictionary<string, string> environment, Uri baseUrl, string logPath)
    {
        // sh execs dotnet (same pid) with its output appended to the log.
        var start = new ProcessStartInfo("/bin/sh") { WorkingDirectory = workingDirectory, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("log=$1; shift; exec dotnet \"$@\" >>\"$log\" 2>&1 </dev/null");
        start.ArgumentList.Add("sh");
        start.ArgumentList.Add(logPath);
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {name}");
        var app = new ChildApp(name, process, baseUrl, logPath);
        lock (_running)
        {
            _running.Add(app);
        }

        return app;
    }

    public async Task WaitUntilHealthyAsync(string path, TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited during start-up (code {_process.ExitCode}); see {LogPath}:\n{Tail()}");
            }

            try
            {
                using var response = await http.GetAsync(path);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"{Name} did not answer {path} within {timeout.TotalSeconds:0} s; see {LogPath}:\n{Tail()}");
    }

    public string Tail(int lines = 30)
    {
        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return string.Join('\n', reader.ReadToEnd().Split('\n').TakeLast(lines));
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        lock (_running)
        {
            _running.Remove(this);
        }

        _process.Dispose();
    }

    private static void StopAll()
    {
        ChildApp[] running;
        lock (_running)
        {
            running = [.. _running];
        }

        foreach (var app in running)
        {
            app.Dispose();
        }
    }
}
