using System.Diagnostics;

namespace CommunityOfPractice.LiveBench;

public sealed record ScenarioResult(
    string Target,
    int Subscribers,
    TimeSpan ConnectTime,
    TimeSpan SettleTime,
    long PresenceMessages,
    long RssIdleKb,
    long RssActiveKb,
    double? KbPerConnection,
    WriteStats Writes,
    DeliveryStats Delivery,
    CpuUse Cpu,
    TimeSpan DrainTime,
    int ClosedConnections,
    int Stale,
    long Resets)
{
    public double DeliveredPerSecond(TimeSpan duration) => Delivery.MeasuredCopies / duration.TotalSeconds;

    /// <summary>Server CPU per delivered copy, in µs (all of the server's work divided by the copies it sent).</summary>
    public double ServerMicrosPerCopy(TimeSpan duration) =>
        Delivery.MeasuredCopies == 0 ? double.NaN : Cpu.ServerCpu.TotalMicroseconds / Delivery.MeasuredCopies;

    public bool Held(double p95Ms) => Delivery.Latency.Count > 0 && Delivery.Latency.P95 <= p95Ms;
}

/// <summary>One scenario: grow to N subscribers, let the server settle, post at the rate, wait for every copy.</summary>
public sealed class ScenarioRunner(BenchOptions options, Action<string> log)
{
    public async Task<ScenarioResult> RunAsync(ITarget target, int subscribers, long rssBaselineKb)
    {
        var pool = target.Subscribers;
        var pid = target.Server.Pid;
        var presenceBefore = pool.PresenceMessages;
        var closedBefore = pool.Closed;
        var resetsBefore = pool.Resets;

        // 1. Connect (and subscribe) the clients still missing.
        await target.LastSeqAsync();
        var lastProgress = Stopwatch.GetTimestamp();
        var connectTime = await pool.GrowToAsync(subscribers, count =>
        {
            if (Stopwatch.GetElapsedTime(lastProgress) > TimeSpan.FromSeconds(10))
            {
                lastProgress = Stopwatch.GetTimestamp();
                log($"    {target.Name}: {count} connected");
            }
        });

        // 2. Wait until the server is idle again (the Api tells every reader about each join).
        var settle = await SettleAsync(target);
        var presence = pool.PresenceMessages - presenceBefore;
        var rssIdle = Machine.RssKb(pid);

        // 3. Post for warm-up + duration; copies of every event are recorded by every subscriber.
        var baseSeq = await target.LastSeqAsync();
        var total = options.Warmup + options.Duration;
        var window = (int)Math.Ceiling(options.Rate * total.TotalSeconds * 1.5) + 200;
        var recorder = new Recorder(baseSeq, window, subscribers);
        pool.Record(recorder);

        var start = Stopwatch.GetTimestamp() + (Stopwatch.Frequency / 10);
        var measureFrom = start + (long)(options.Warmup.TotalSeconds * Stopwatch.Frequency);
        var measureTo = measureFrom + (long)(options.Duration.TotalSeconds * Stopwatch.Frequency);
        var writes = Task.Run(() => Load.RunAsync(target, options.Writers, options.Rate, start, total));

        await DelayUntilAsync(measureFrom);
        var cpuFrom = CpuUse.Sample(pid);
        await DelayUntilAsync(measureTo);
        var cpu = cpuFrom.Until(CpuUse.Sample(pid));
        var rssActive = Machine.RssKb(pid);
        var writeStats = await writes;

        // 4. Wait for the stragglers, then count.
        var lastSeq = await target.LastSeqAsync();
        var expected = (lastSeq - baseSeq) * subscribers;
        var drainStarted = Stopwatch.GetTimestamp();
        while (recorder.TotalReceived() < expected && Stopwatch.GetElapsedTime(drainStarted) < options.DrainTimeout)
        {
            await Task.Delay(50);
        }

        var drain = Stopwatch.GetElapsedTime(drainStarted);
        pool.Record(null);
        var delivery = recorder.Analyse(lastSeq, measureFrom, measureTo);
        double? perConnection = subscribers >= 1000 ? (rssIdle - rssBaselineKb) / (double)subscribers : null;
        return new ScenarioResult(target.Name, subscribers, connectTime, settle, presence, rssIdle, rssActive, perConnection,
            writeStats, delivery, cpu, drain, pool.Closed - closedBefore, recorder.Stale, pool.Resets - resetsBefore);
    }

    /// <summary>Waits (up to a limit) until the server uses under 10 % of a core for a whole second.</summary>
    public async Task<TimeSpan> SettleAsync(ITarget target)
    {
        var started = Stopwatch.GetTimestamp();
        var limit = options.Quick ? TimeSpan.FromSeconds(30) : TimeSpan.FromSeconds(240);
        while (Stopwatch.GetElapsedTime(started) < limit)
        {
            var from = CpuUse.Sample(target.Server.Pid);
            var presence = target.Subscribers.PresenceMessages;
            await Task.Delay(1000);
            var use = from.Until(CpuUse.Sample(target.Server.Pid));
            if (use.Server < 0.10 && target.Subscribers.PresenceMessages == presence)
            {
                break;
            }
        }

        return Stopwatch.GetElapsedTime(started);
    }

    private static async Task DelayUntilAsync(long timestamp)
    {
        var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), timestamp);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }
    }
}
