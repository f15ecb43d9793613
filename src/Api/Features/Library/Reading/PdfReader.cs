using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace CommunityOfPractice.Api.Features.Library.Reading;

/// <summary>Why a PDF could not be read; the message is the sentence shown to the uploader.</summary>
public enum PdfReadFailure
{
    Unreadable,
    TooSlow,
    TooMuchMemory,
    TooMuchText,
    TooDeeplyNested,
}

/// <summary>
/// A PDF the reader gave up on. The message is the sentence for the uploader, except for
/// <see cref="PdfReadFailure.Unreadable"/>, where it is what went wrong (PdfPig's words or the
/// reader's end), for the caller to put in its own sentence.
/// </summary>
public sealed class PdfUnreadableException(PdfReadFailure reason, string message) : Exception(message)
{
    public PdfReadFailure Reason { get; } = reason;
}

/// <summary>
/// Reads PDFs outside the Api process (docs/decisions/0013-pdfs-are-read-in-a-child-process.md):
/// each inspection or extraction starts <see cref="PdfReaderProcess"/> as a child with a heap hard
/// limit, a wall-clock budget after which it is killed, and a bound on the text taken from it; at
/// most <c>Library:Reader:MaxConcurrent</c> run at once. A decompression bomb, a stack-deep
/// structure or a text flood ends the child, and reaches the caller as a
/// <see cref="PdfUnreadableException"/> that says which budget it passed.
/// </summary>
public sealed class PdfReader : IDisposable
{
    /// <summary>A page's line: its text (≤ 100,000 characters, at most 3 UTF-8 bytes each) and the JSON around it.</summary>
    private const int MaxLineBytes = (PdfReaderProcess.PageTextMaxLength * 3) + 4096;
    private const int StderrTailChars = 4096;
    private static readonly TimeSpan _watchEvery = TimeSpan.FromMilliseconds(200);

    private readonly IOptions<LibraryOptions> _options;
    private readonly ILogger<PdfReader> _logger;
    private readonly SemaphoreSlim _slots;
    private readonly string _muxer = FindMuxer();
    private readonly string _entryAssembly = typeof(PdfReaderProcess).Assembly.Location;

    public PdfReader(IOptions<LibraryOptions> options, ILogger<PdfReader> logger)
    {
        _options = options;
        _logger = logger;
        var readers = options.Value.Reader.MaxConcurrent;
        _slots = new SemaphoreSlim(readers, readers);
    }

    private LibraryOptions.ReaderOptions Budget => _options.Value.Reader;

    /// <summary>
    /// Opens the file and parses its first page, as an upload is checked: the page count. An upload
    /// that finds every reader busy for <c>QueueTimeout</c> is asked to come back (429).
    /// </summary>
    public async Task<int> CountPagesAsync(string path, CancellationToken cancellationToken)
    {
        if (!await _slots.WaitAsync(Budget.QueueTimeout, cancellationToken))
        {
            throw new TooManyRequestsException(TimeSpan.FromSeconds(30),
                "The library is busy checking other files. Try the upload again in a minute.");
        }

        try
        {
            int? pages = null;
            await RunAsync("inspect", path, Budget.InspectTimeout, line => pages = line.GetProperty("pages").GetInt32(), cancellationToken);
            return pages ?? throw Unreadable("the reader gave no page count");
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>The text of every page, in order; waits as long as it takes for a free reader (the worker is in the background).</summary>
    public async Task<List<(int Number, string Text)>> ReadPagesAsync(string path, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        try
        {
            var pages = new List<(int Number, string Text)>();
            var characters = 0L;
            var limit = Budget.MaxTextCharacters;
            var finished = false;
            await RunAsync("extract", path, Budget.ExtractTimeout, line =>
            {
                if (line.TryGetProperty("text", out var text))
                {
                    var value = text.GetString() ?? string.Empty;
                    characters += value.Length;
                    if (characters > limit)
                    {
                        throw new PdfUnreadableException(PdfReadFailure.TooMuchText, string.Create(CultureInfo.InvariantCulture,
                            $"This PDF holds more text than the library indexes ({limit:N0} characters), so it was not indexed. Split it into parts, or share a link to it instead."));
                    }

                    pages.Add((line.GetProperty("page").GetInt32(), value));
                }
                else
                {
                    finished = line.TryGetProperty("pages", out _);
                }
            }, cancellationToken);
            return finished ? pages : throw Unreadable("the reader stopped before the last page");
        }
        finally
        {
            _slots.Release();
        }
    }

    private async Task RunAsync(string mode, string path, TimeSpan timeout, Action<JsonElement> onLine, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var process = new Process { StartInfo = StartInfo(mode, path) };
        process.Start();
        process.StandardInput.Close();

        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(timeout);
        var stderr = DrainTailAsync(process.StandardError);
        var watch = WatchMemoryAsync(process, budget);
        string? error = null;
        PdfUnreadableException? stopped = null;
        try
        {
            await foreach (var line in LinesAsync(process.StandardOutput.BaseStream, budget.Token))
            {
                using var document = JsonDocument.Parse(line);
                if (document.RootElement.TryGetProperty("error", out var message))
                {
                    error = message.GetString();
                    continue;
                }

                onLine(document.RootElement);
            }

            await process.WaitForExitAsync(budget.Token);
        }
        catch (PdfUnreadableException exception)
        {
            stopped = exception;
        }
        catch (JsonException)
        {
            stopped = Unreadable("the reader's answer was not understood");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The budget was cancelled by the clock or by the memory watch (which has ended by now).
            stopped = (await watch).OverBudget
                ? TooMuchMemory()
                : new PdfUnreadableException(PdfReadFailure.TooSlow, string.Create(CultureInfo.InvariantCulture,
                    $"Reading this PDF took longer than the library allows ({TooManyRequestsException.Describe(timeout)}), so it was stopped. It may be damaged or built to overload readers; export it again and retry."));
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync(CancellationToken.None);
            await budget.CancelAsync();
        }

        var peak = await watch;
        var tail = await stderr;
        _logger.LogInformation("PDF reader ({Mode}) ended with {ExitCode} after {Elapsed:0} ms; its peak resident memory was {PeakMegabytes} MB",
            mode, process.ExitCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds, peak.PeakBytes / (1024 * 1024));
        if (stopped is not null)
        {
            throw stopped;
        }

        switch (process.ExitCode)
        {
            case 0:
                return;
            case PdfReaderProcess.ExitUnreadable:
                throw Unreadable(error ?? "damaged");
            case PdfReaderProcess.ExitOutOfMemory:
                throw TooMuchMemory();
            case PdfReaderProcess.ExitTooDeep:
                throw TooDeep();
            case PdfReaderProcess.ExitUsage:
                throw new InvalidOperationException($"The PDF reader could not be started as expected: {tail}");
        }

        // Ended by the runtime itself: out of its heap before the catch could run, or a stack
        // overflow (deep nesting), which no code can catch.
        if (tail.Contains("OutOfMemory", StringComparison.Ordinal) || tail.Contains("Out of memory", StringComparison.OrdinalIgnoreCase))
        {
            throw TooMuchMemory();
        }

        _logger.LogWarning("PDF reader ({Mode}) stopped with exit code {ExitCode}: {Stderr}", mode, process.ExitCode, tail);
        throw tail.Contains("Stack overflow", StringComparison.OrdinalIgnoreCase)
            ? TooDeep()
            : Unreadable(string.Create(CultureInfo.InvariantCulture, $"the reader stopped with exit code {process.ExitCode}"));
    }

    private ProcessStartInfo StartInfo(string mode, string path)
    {
        var info = new ProcessStartInfo(_muxer)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in new[] { _entryAssembly, PdfReaderProcess.Verb, mode, Path.GetFullPath(path) })
        {
            info.ArgumentList.Add(argument);
        }

        // The Api's own GC settings (a container may set a heap percentage or server GC) are not
        // the reader's: its limit is the one below, in hex as the runtime reads GC settings, on
        // workstation GC (one small heap, not one per core).
        foreach (var inherited in info.Environment.Keys.Where(key =>
            key.StartsWith("DOTNET_GC", StringComparison.OrdinalIgnoreCase) || key.StartsWith("COMPlus_GC", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(inherited);
        }

        info.Environment["DOTNET_GCHeapHardLimit"] = (Budget.MemoryLimitMegabytes * 1024L * 1024L).ToString("X", CultureInfo.InvariantCulture);
        info.Environment["DOTNET_gcServer"] = "0";
        info.Environment["DOTNET_gcConcurrent"] = "0";
        info.Environment["DOTNET_TieredPGO"] = "0";
        return info;
    }

    /// <summary>
    /// The heap limit bounds what the child's code allocates; this also bounds the whole process
    /// (native memory, the runtime itself) from outside: resident memory past the limit plus
    /// 256 MB kills it. Returns the highest resident memory seen, for the log.
    /// </summary>
    private async Task<(long PeakBytes, bool OverBudget)> WatchMemoryAsync(Process process, CancellationTokenSource budget)
    {
        var ceiling = (Budget.MemoryLimitMegabytes + 256) * 1024L * 1024L;
        var status = $"/proc/{process.Id}/status";
        long peak = 0;
        if (!OperatingSystem.IsLinux())
        {
            return (0, false);
        }

        using var timer = new PeriodicTimer(_watchEvery);
        try
        {
            do
            {
                var resident = ResidentBytes(status);
                peak = Math.Max(peak, resident);
                if (resident > ceiling)
                {
                    await budget.CancelAsync();
                    return (peak, true);
                }
            }
            while (!process.HasExited && await timer.WaitForNextTickAsync(budget.Token));
        }
        catch (OperationCanceledException)
        {
        }

        return (peak, false);
    }

    private static long ResidentBytes(string status)
    {
        try
        {
            foreach (var line in File.ReadLines(status))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
            // The process has just ended.
        }

        return 0;
    }

    /// <summary>Lines of stdout, each at most <see cref="MaxLineBytes"/>: a child cannot make the Api hold more than that at once.</summary>
    private static async IAsyncEnumerable<ReadOnlyMemory<byte>> LinesAsync(Stream stdout,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var chunk = new byte[64 * 1024];
        using var line = new MemoryStream();
        int read;
        while ((read = await stdout.ReadAsync(chunk, cancellationToken)) > 0)
        {
            var start = 0;
            int end;
            while ((end = Array.IndexOf(chunk, (byte)'\n', start, read - start)) >= 0)
            {
                line.Write(chunk, start, end - start);
                if (line.Length > 0)
                {
                    yield return line.GetBuffer().AsMemory(0, (int)line.Length);
                }

                line.SetLength(0);
                start = end + 1;
            }

            line.Write(chunk, start, read - start);
            if (line.Length > MaxLineBytes)
            {
                throw Unreadable("a page's text was larger than the reader may send");
            }
        }
    }

    private static async Task<string> DrainTailAsync(StreamReader stderr)
    {
        var tail = new StringBuilder();
        var buffer = new char[4096];
        int read;
        while ((read = await stderr.ReadAsync(buffer, CancellationToken.None)) > 0)
        {
            tail.Append(buffer, 0, read);
            if (tail.Length > StderrTailChars * 2)
            {
                tail.Remove(0, tail.Length - StderrTailChars);
            }
        }

        return tail.Length > StderrTailChars ? tail.ToString(tail.Length - StderrTailChars, StderrTailChars) : tail.ToString();
    }

    private PdfUnreadableException TooMuchMemory() => new(PdfReadFailure.TooMuchMemory, string.Create(CultureInfo.InvariantCulture,
        $"Reading this PDF needed more memory than the library allows ({Budget.MemoryLimitMegabytes} MB), so it was stopped. It may hold a compressed stream that expands enormously; export it again and retry."));

    private static PdfUnreadableException TooDeep() => new(PdfReadFailure.TooDeeplyNested, string.Create(CultureInfo.InvariantCulture,
        $"This PDF nests its objects more than {PdfReaderProcess.MaxNesting} deep, far more than any real document, so it was not read. Export it again and retry."));

    private static PdfUnreadableException Unreadable(string detail) => new(PdfReadFailure.Unreadable, detail);

    /// <summary>The <c>dotnet</c> host running this process, or the one beside its runtime (the test host, an apphost).</summary>
    private static string FindMuxer()
    {
        var name = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        if (Environment.ProcessPath is { } current && Path.GetFileName(current) == name)
        {
            return current;
        }

        // …/shared/Microsoft.NETCore.App/<version>/ → …/dotnet
        var besideRuntime = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", "..", name));
        return File.Exists(besideRuntime) ? besideRuntime : name;
    }

    public void Dispose() => _slots.Dispose();
}
