using System.Collections.Concurrent;
using System.Diagnostics;

namespace CommunityOfPractice.LiveBench;

public sealed record WriteStats(int Sent, int Failed, Percentiles SendTime, Percentiles StartLag, TimeSpan Elapsed)
{
    public double Rate => Sent / Elapsed.TotalSeconds;
}

/// <summary>
/// Open-loop writers: message k is due at start + k / rate and goes out then, whether or not
/// earlier ones have been answered (a slow server does not slow the offered load down). Its
/// stamp is the moment it was due, so any lateness of the sender counts in the latency too.
/// </summary>
public static class Load
{
    public static async Task<WriteStats> RunAsync(ITarget target, int writers, double rate, long start, TimeSpan total)
    {
        var interval = Stopwatch.Frequency / rate;
        var totalTicks = (long)(total.TotalSeconds * Stopwatch.Frequency);
        var sendTimes = new ConcurrentQueue<double>();
        var lags = new ConcurrentQueue<double>();
        var failed = 0;
        var inFlight = new List<Task>();
        var number = 0;
        for (; ; number++)
        {
            var due = start + (long)(number * interval);
            if (due - start >= totalTicks)
            {
                break;
            }

            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            var writer = number % writers;
            var k = number;
            inFlight.Add(Task.Run(async () =>
            {
                var sentAt = Stopwatch.GetTimestamp();
                lags.Enqueue(Stopwatch.GetElapsedTime(due, sentAt).TotalMilliseconds);
                bool ok;
                try
                {
                    ok = await target.SendAsync(writer, due, k);
                }
                catch (Exception)
                {
                    ok = false;
                }

                sendTimes.Enqueue(Stopwatch.GetElapsedTime(sentAt).TotalMilliseconds);
                if (!ok)
                {
                    Interlocked.Increment(ref failed);
                }
            }));
        }

        await Task.WhenAll(inFlight);
        return new WriteStats(number, failed, Percentiles.OfMilliseconds(sendTimes), Percentiles.OfMilliseconds(lags),
            TimeSpan.FromSeconds(totalTicks / (double)Stopwatch.Frequency));
    }

    /// <summary>As many posts as <paramref name="concurrency"/> writers can send back to back (to fill a thread).</summary>
    public static async Task<(int Posts, TimeSpan Elapsed)> FillAsync(ITarget target, int writers, int posts, int concurrency)
    {
        var started = Stopwatch.GetTimestamp();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int k;
            while ((k = Interlocked.Increment(ref next)) < posts)
            {
                if (!await target.SendAsync(k % writers, Stopwatch.GetTimestamp(), k))
                {
                    throw new InvalidOperationException($"{target.Name} refused post {k} while filling the thread");
                }
            }
        }));
        return (posts, Stopwatch.GetElapsedTime(started));
    }
}
