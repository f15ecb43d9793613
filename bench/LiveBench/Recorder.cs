using System.Diagnostics;
using System.Globalization;

namespace CommunityOfPractice.LiveBench;

/// <summary>
/// The send moment travels inside the post itself ("bench-t{Stopwatch ticks}-w{writer}"): writers
/// and subscribers share this process, so one clock serves both ends.
/// </summary>
public static class Stamp
{
    private const string Marker = "bench-t";

    public static string Format(long timestamp, int writer) =>
        string.Create(CultureInfo.InvariantCulture, $"{Marker}{timestamp}-w{writer}");

    /// <summary>The stamp found in a post's HTML, or 0.</summary>
    public static long Parse(string? html)
    {
        if (html is null)
        {
            return 0;
        }

        var at = html.IndexOf(Marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return 0;
        }

        long value = 0;
        for (var i = at + Marker.Length; i < html.Length && char.IsAsciiDigit(html[i]); i++)
        {
            value = (value * 10) + (html[i] - '0');
        }

        return value;
    }
}

/// <summary>
/// What every subscriber received during one scenario: for each subscriber and sequence number,
/// the latency of its first copy; duplicates and out-of-order arrivals are counted apart. Each
/// subscriber's handler runs one message at a time (SignalR's client), so its own slots need no lock.
/// </summary>
public sealed class Recorder
{
    private readonly int[] _latencyMicros; // [subscriber * window + offset]: µs + 1; 0 = not received
    private readonly long[] _sendStamps;  // [offset]
    private readonly int[] _received;
    private readonly int[] _duplicates;
    private readonly int[] _reordered;
    private readonly int[] _gaps;
    private readonly long[] _lastSeq;
    private int _outsideWindow;
    private int _stale;

    public Recorder(long baseSeq, int window, int subscribers)
    {
        BaseSeq = baseSeq;
        Window = window;
        Subscribers = subscribers;
        _latencyMicros = new int[checked(window * subscribers)];
        _sendStamps = new long[window];
        _received = new int[subscribers];
        _duplicates = new int[subscribers];
        _reordered = new int[subscribers];
        _gaps = new int[subscribers];
        _lastSeq = new long[subscribers];
        Array.Fill(_lastSeq, baseSeq);
    }

    public long BaseSeq { get; }

    public int Window { get; }

    public int Subscribers { get; }

    public int OutsideWindow => Volatile.Read(ref _outsideWindow);

    /// <summary>Copies of events from before this scenario (late arrivals from the previous one).</summary>
    public int Stale => Volatile.Read(ref _stale);

    public void Record(int subscriber, long seq, string? html, long receivedAt)
    {
        if (subscriber >= Subscribers)
        {
            return;
        }

        if (seq <= BaseSeq)
        {
            Interlocked.Increment(ref _stale);
            return;
        }

        var offset = seq - BaseSeq - 1;
        if (offset >= Window)
        {
            Interlocked.Increment(ref _outsideWindow);
            return;
        }

        var sent = Stamp.Parse(html);
        if (sent != 0)
        {
            _sendStamps[offset] = sent;
        }

        ref var slot = ref _latencyMicros[(subscriber * (long)Window) + offset];
        if (slot != 0)
        {
            _duplicates[subscriber]++;
            return;
        }

        var micros = sent == 0 ? 0 : Stopwatch.GetElapsedTime(sent, receivedAt).Ticks / 10;
        slot = (int)Math.Clamp(micros, 0, int.MaxValue - 1) + 1;
        if (seq < _lastSeq[subscriber])
        {
            _reordered[subscriber]++;
        }
        else
        {
            // A protocol client (docs/live-protocol.md) asks for catch-up when a number is skipped.
            if (seq > _lastSeq[subscriber] + 1)
            {
                _gaps[subscriber]++;
            }

            _lastSeq[subscriber] = seq;
        }

        Volatile.Write(ref _received[subscriber], _received[subscriber] + 1);
    }

    /// <summary>Distinct events received, summed over subscribers.</summary>
    public long TotalReceived()
    {
        long total = 0;
        for (var i = 0; i < Subscribers; i++)
        {
            total += Volatile.Read(ref _received[i]);
        }

        return total;
    }

    /// <summary>
    /// Latencies of every copy of the events numbered BaseSeq+1..lastSeq whose send moment fell in
    /// [measureFrom, measureTo); missing copies, duplicates and reorderings over all those events.
    /// </summary>
    public DeliveryStats Analyse(long lastSeq, long measureFrom, long measureTo)
    {
        Interlocked.MemoryBarrier();
        var events = (int)Math.Min(Window, lastSeq - BaseSeq);
        var measured = new bool[events];
        var measuredEvents = 0;
        for (var offset = 0; offset < events; offset++)
        {
            var stamp = _sendStamps[offset];
            measured[offset] = stamp >= measureFrom && stamp < measureTo;
            measuredEvents += measured[offset] ? 1 : 0;
        }

        var latencies = new List<int>(measuredEvents * Subscribers);
        var firstCopy = new List<int>(measuredEvents);
        long missing = 0;
        for (var offset = 0; offset < events; offset++)
        {
            var first = int.MaxValue;
            for (var subscriber = 0; subscriber < Subscribers; subscriber++)
            {
                var slot = _latencyMicros[(subscriber * (long)Window) + offset];
                if (slot == 0)
                {
                    missing++;
                }
                else if (measured[offset])
                {
                    latencies.Add(slot - 1);
                    first = Math.Min(first, slot - 1);
                }
            }

            if (measured[offset] && first != int.MaxValue)
            {
                firstCopy.Add(first);
            }
        }

        return new DeliveryStats(
            events, measuredEvents, (long)events * Subscribers, missing,
            _duplicates.Sum(d => (long)d), _reordered.Sum(r => (long)r), _gaps.Sum(g => (long)g),
            Percentiles.Of(latencies), Percentiles.Of(firstCopy), latencies.Count);
    }
}

public sealed record DeliveryStats(
    int Events, int MeasuredEvents, long ExpectedCopies, long Missing, long Duplicates, long Reordered, long Gaps,
    Percentiles Latency, Percentiles FirstCopy, long MeasuredCopies);
