using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using CommunityOfPractice.Contracts;
using CommunityOfPractice.Contracts.Threads;

namespace CommunityOfPractice.LiveBench;

/// <summary>
/// The load of the fault tests (bench/faults, docs/operations.md): readers of one thread and
/// writers posting to it through a platform someone else started (one Api, or the balancer), while
/// the calling script breaks something. The script and this driver meet through files in the
/// control folder: the driver writes <c>loaded</c> once the load has run for <c>--before</c>
/// seconds, the script injects its fault and writes <c>recovered</c> when the fault is over (the
/// process started again, the server back), the driver goes on for <c>--after</c> seconds, drains,
/// counts, and writes <c>result.env</c> (NAME=value lines) for the script's one-line verdict.
/// </summary>
public static class Faults
{
    private static readonly Stopwatch _clock = Stopwatch.StartNew();

    public const string Usage = """
        Usage: LiveBench faults --url URL --control DIR [options]    (normally through bench/faults/*.sh)

          --url URL            the platform's Api (one instance, or the balancer in front of several)
          --control DIR        where loaded / recovered / result.env are exchanged with the script
          --subscribers N      readers of the thread (default 1000)
          --writers M          members posting in turn (default 4)
          --rate R             posts per second, all writers together (default 20)
          --members K          members whose tokens the readers share (default 20; at least M)
          --before S           seconds of load before the fault is asked for (default 10)
          --after S            seconds of load after the fault is over (default 10)
          --fault-timeout S    longest wait for 'recovered' (default 180)
          --drain S            longest wait, after the last post, for every reader to have everything (default 60)
          --connect-batch B    concurrent connects while adding readers (default 100)

               LiveBench smtp-sink --port P --out FILE [--delay-ms D]
          a real SMTP server on 127.0.0.1:P that appends each accepted message's Message-Id to FILE;
          D ms of pause at each recipient (before the message is taken) makes a send last a while
        """;

    public static Task<int> RunAsync(string[] args) => args[0] switch
    {
        "smtp-sink" => FaultSmtpSink.RunAsync(args[1..]),
        _ => RunLoadAsync(args[1..]),
    };

    private static async Task<int> RunLoadAsync(string[] args)
    {
        FaultOptions o;
        try
        {
            o = FaultOptions.Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            Console.Error.WriteLine($"LiveBench faults: {e.Message}\n\n{Usage}");
            return 2;
        }

        Directory.CreateDirectory(o.Control);
        Log($"joining {o.Members} members through {o.Url}");
        var members = new BenchMember[o.Members];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < members.Length)
            {
                members[i] = await ApiClient.JoinAsync(o.Url, i);
            }
        }));
        var thread = await ApiClient.StartThreadAsync(members[0]);
        var startSeq = thread.LastSeq;
        Log($"thread {thread.Id} at #{startSeq}; connecting {o.Subscribers} readers");

        var readers = new FaultSubscriber[o.Subscribers];
        for (var from = 0; from < readers.Length; from += o.ConnectBatch)
        {
            var batch = Enumerable.Range(from, Math.Min(o.ConnectBatch, readers.Length - from)).ToArray();
            await Task.WhenAll(batch.Select(async i =>
            {
                var member = members[i % members.Length];
                readers[i] = new FaultSubscriber(o.Url, thread.Id, startSeq, () => member.AccessToken);
                await readers[i].StartAsync();
            }));
        }

        Log($"{readers.Length} readers subscribed; {o.Writers} writers at {o.Rate:0.#} posts/s");
        var writes = new Writes();
        var loadStart = Stopwatch.GetTimestamp();
        long? faultStart = null, faultEnd = null;
        var interval = Stopwatch.Frequency / o.Rate;
        var inFlight = new List<Task>();
        for (var k = 0; ; k++)
        {
            var due = loadStart + (long)(k * interval);
            var now = Stopwatch.GetTimestamp();
            if (faultStart is null && Seconds(now - loadStart) >= o.Before.TotalSeconds)
            {
                faultStart = now;
                await File.WriteAllTextAsync(Path.Combine(o.Control, "loaded"), string.Empty);
                Log("load running: asked for the fault");
            }

            if (faultStart is not null && faultEnd is null)
            {
                if (File.Exists(Path.Combine(o.Control, "recovered")))
                {
                    faultEnd = now;
                    Log(string.Create(CultureInfo.InvariantCulture, $"the fault is over after {Seconds(now - faultStart.Value):0.0} s; {o.After.TotalSeconds:0} s more load"));
                }
                else if (Seconds(now - faultStart.Value) > o.FaultTimeout.TotalSeconds)
                {
                    Log("no 'recovered' from the script in time: stopping");
                    faultEnd = now;
                    writes.TimedOut = true;
                }
            }

            if (faultEnd is not null && Seconds(due - faultEnd.Value) >= o.After.TotalSeconds)
            {
                break;
            }

            var wait = TimeSpan.FromSeconds(Seconds(due - Stopwatch.GetTimestamp()));
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait < TimeSpan.FromMilliseconds(50) ? wait : TimeSpan.FromMilliseconds(50));
                k--; // look at the control files again, then send this post when due
                continue;
            }

            var post = k;
            var writer = members[k % o.Writers];
            writes.Due[post] = due;
            inFlight.Add(Task.Run(() => PostUntilStoredAsync(writer, thread.Id, post, writes)));
        }

        Log($"{writes.Due.Count} posts due; waiting for the writers' retries");
        // Bounded: a post still refused a drain's length after the load ended counts as failed.
        writes.GiveUp.CancelAfter(o.Drain);
        await Task.WhenAll(inFlight);
        var drainStart = Stopwatch.GetTimestamp();
        var finalSeq = await LastSeqAsync(members[0], thread.Id, o.Drain);
        finalSeq = finalSeq >= 0 ? finalSeq : readers.Max(r => r.LastSeq);
        Log($"thread ends at #{finalSeq}; waiting for every reader");
        while (readers.Any(r => r.LastSeq < finalSeq) && Seconds(Stopwatch.GetTimestamp() - drainStart) < o.Drain.TotalSeconds)
        {
            await Task.Delay(200);
        }

        // Count: every number from the start to the end once at every reader, every post once.
        var lost = 0L;
        var duplicated = 0L;
        var recoveries = new List<double>();
        var unrecovered = 0;
        var end = faultEnd ?? Stopwatch.GetTimestamp();
        var beforeEnd = writes.Stored.Keys.Where(k => writes.Due[k] < end).ToArray();
        foreach (var reader in readers)
        {
            var missing = reader.Missing(startSeq, finalSeq);
            lost += missing;
            duplicated += reader.Duplicated();
            var arrivals = reader.PostArrivals();
            // Every number arrived yet a stored post did not: its event was never written.
            lost += missing == 0 ? writes.Stored.Keys.Count(k => !arrivals.ContainsKey(k)) : 0;
            if (beforeEnd.All(arrivals.ContainsKey))
            {
                var last = beforeEnd.Length == 0 ? end : beforeEnd.Max(k => arrivals[k]);
                recoveries.Add(Math.Max(0, Seconds(last - end)));
            }
            else
            {
                unrecovered++;
            }
        }

        var recovery = Percentiles.OfMilliseconds(recoveries.Select(s => s * 1000));
        var statuses = string.Join(',', writes.Statuses.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}x{s.Value}"));
        var result = new StringBuilder();
        void Put(string name, object value) => result.Append(CultureInfo.InvariantCulture, $"{name}={value}\n");
        Put("thread", thread.Id);
        Put("start_seq", startSeq);
        Put("final_seq", finalSeq);
        Put("subscribers", readers.Length);
        Put("posts_due", writes.Due.Count);
        Put("posts_stored", writes.Stored.Count);
        Put("posts_failed", writes.Due.Count - writes.Stored.Count);
        Put("lost", lost);
        Put("dup", duplicated);
        Put("statuses", statuses.Length == 0 ? "none" : statuses);
        Put("retried_posts", writes.Retried);
        Put("fault_seconds", string.Create(CultureInfo.InvariantCulture, $"{Seconds((faultEnd ?? end) - (faultStart ?? end)):0.0}"));
        Put("recovery_p95", string.Create(CultureInfo.InvariantCulture, $"{recovery.P95 / 1000:0.0}"));
        Put("recovery_max", string.Create(CultureInfo.InvariantCulture, $"{recovery.Max / 1000:0.0}"));
        Put("unrecovered", unrecovered);
        Put("reconnects", readers.Sum(r => r.Reconnects));
        Put("gaps", readers.Sum(r => r.Gaps));
        Put("behind", readers.Sum(r => r.Behind));
        Put("resets", readers.Sum(r => r.Resets));
        Put("repeats", readers.Sum(r => r.Repeats));
        Put("failed_subscribes", readers.Sum(r => r.FailedSubscribes));
        Put("timed_out", writes.TimedOut ? 1 : 0);
        await File.WriteAllTextAsync(Path.Combine(o.Control, "result.env"), result.ToString());
        Console.Write(result);

        await Task.WhenAll(readers.Select(r => r.DisposeAsync().AsTask()));
        return 0;
    }

    /// <summary>
    /// One post, sent until the Api stores it: every try carries the same Idempotency-Key, so a
    /// try the Api did store but could not answer (killed, database gone mid-commit) comes back
    /// as the first answer rather than a second post.
    /// </summary>
    private static async Task PostUntilStoredAsync(BenchMember writer, Guid threadId, int k, Writes writes)
    {
        var key = Guid.NewGuid().ToString();
        var body = $"fault-k{k}-t{writes.Due[k]} written by the fault tests (bench/faults): one post, however often it is retried.";
        var delay = TimeSpan.FromMilliseconds(250);
        for (var attempt = 1; ; attempt++)
        {
            if (attempt == 2)
            {
                Interlocked.Increment(ref writes.Retried);
            }

            string outcome;
            TimeSpan? retryAfter = null;
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
                retryAfter = response.Headers.RetryAfter?.Delta;
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    writes.Stored[k] = true;
                    writes.Count(outcome);
                    return;
                }

                if ((int)response.StatusCode is >= 400 and < 500 and not (408 or 409 or 429))
                {
                    // A refusal retrying cannot change: the post is not written (and counted as failed).
                    writes.Count(outcome);
                    Console.Error.WriteLine($"post {k}: {outcome} {await response.Content.ReadAsStringAsync()}");
                    return;
                }
            }
            catch (TaskCanceledException)
            {
                outcome = "timeout";
            }
            catch (HttpRequestException)
            {
                outcome = "conn";
            }

            writes.Count(outcome);
            if (writes.GiveUp.IsCancellationRequested)
            {
                Console.Error.WriteLine($"post {k}: gave up after {attempt} tries");
                return;
            }

            await Task.Delay(retryAfter is { } after && after < TimeSpan.FromSeconds(5) ? after : delay);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 1000));
        }
    }

    private static async Task<long> LastSeqAsync(BenchMember member, Guid threadId, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return (await ApiClient.GetThreadAsync(member, threadId)).LastSeq;
            }
            catch (Exception) when (deadline.Elapsed < timeout)
            {
                await Task.Delay(500);
            }
            catch (Exception e)
            {
                Log($"the thread could not be read for {timeout.TotalSeconds:0} s ({e.Message}); counting up to what the readers have");
                return -1;
            }
        }
    }

    private static double Seconds(long ticks) => ticks / (double)Stopwatch.Frequency;

    private static void Log(string message) =>
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{_clock.Elapsed.TotalSeconds,6:0.0} s] {message}"));

    private sealed class Writes
    {
        public readonly ConcurrentDictionary<int, long> Due = new();
        public readonly ConcurrentDictionary<int, bool> Stored = new();
        public readonly ConcurrentDictionary<string, int> Statuses = new();
        public int Retried;
        public bool TimedOut;
        public readonly CancellationTokenSource GiveUp = new();

        public void Count(string outcome) => Statuses.AddOrUpdate(outcome, 1, (_, n) => n + 1);
    }
}

/// <summary>The options of <c>LiveBench faults</c> (see <see cref="Faults.Usage"/>).</summary>
public sealed class FaultOptions
{
    public Uri Url { get; private set; } = null!;
    public string Control { get; private set; } = string.Empty;
    public int Subscribers { get; private set; } = 1000;
    public int Writers { get; private set; } = 4;
    public double Rate { get; private set; } = 20;
    public int Members { get; private set; } = 20;
    public TimeSpan Before { get; private set; } = TimeSpan.FromSeconds(10);
    public TimeSpan After { get; private set; } = TimeSpan.FromSeconds(10);
    public TimeSpan FaultTimeout { get; private set; } = TimeSpan.FromSeconds(180);
    public TimeSpan Drain { get; private set; } = TimeSpan.FromSeconds(60);
    public int ConnectBatch { get; private set; } = 100;

    public static FaultOptions Parse(string[] args)
    {
        var o = new FaultOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{arg} needs a value");
            int Int() => int.Parse(Next(), CultureInfo.InvariantCulture);
            switch (arg)
            {
                case "--url": o.Url = new Uri(Next()); break;
                case "--control": o.Control = Path.GetFullPath(Next()); break;
                case "--subscribers": o.Subscribers = Int(); break;
                case "--writers": o.Writers = Int(); break;
                case "--rate": o.Rate = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--members": o.Members = Int(); break;
                case "--before": o.Before = TimeSpan.FromSeconds(Int()); break;
                case "--after": o.After = TimeSpan.FromSeconds(Int()); break;
                case "--fault-timeout": o.FaultTimeout = TimeSpan.FromSeconds(Int()); break;
                case "--drain": o.Drain = TimeSpan.FromSeconds(Int()); break;
                case "--connect-batch": o.ConnectBatch = Int(); break;
                default: throw new ArgumentException($"unknown option {arg}");
            }
        }

        if (o.Url is null || o.Control.Length == 0)
        {
            throw new ArgumentException("--url and --control are required");
        }

        o.Writers = Math.Max(1, o.Writers);
        o.Members = Math.Max(o.Members, o.Writers);
        o.Subscribers = Math.Max(1, o.Subscribers);
        return o.Rate > 0 ? o : throw new ArgumentException("--rate must be positive");
    }
}
