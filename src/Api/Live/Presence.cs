using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace CommunityOfPractice.Api.Live;

/// <summary>
/// Who is reading which stream on this Api instance: the connections, for routing (heads, access
/// re-checks, typing) and for the "5 reading" count. Behind several instances the count shown is
/// the total across them, kept by <see cref="IPresenceTotals"/> (in Redis when it is configured).
/// Changes are only marked here; <see cref="PresenceBroadcaster"/> sends each changed stream's
/// count once per interval, so 1,000 people arriving at a webinar cost 1,000 messages a tick,
/// not the half a million that one message per arrival to everyone already there would.
/// </summary>
public sealed class Presence
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _readers = new();
    private readonly ConcurrentDictionary<string, byte> _changed = new();

    public int Join(string stream, string connectionId)
    {
        var readers = _readers.GetOrAdd(stream, _ => new());
        if (readers.TryAdd(connectionId, 0))
        {
            _changed.TryAdd(stream, 0);
        }

        return readers.Count;
    }

    /// <summary>How many connections on this instance read the stream.</summary>
    public int CountOf(string stream) => _readers.TryGetValue(stream, out var readers) ? readers.Count : 0;

    public bool IsReading(string stream, string connectionId) =>
        _readers.TryGetValue(stream, out var readers) && readers.ContainsKey(connectionId);

    /// <summary>The streams someone on this instance reads.</summary>
    public IReadOnlySet<string> Streams() =>
        _readers.Where(r => !r.Value.IsEmpty).Select(r => r.Key).ToHashSet(StringComparer.Ordinal);

    /// <summary>The connections on this instance that read the stream.</summary>
    public IReadOnlyList<string> ReadersOf(string stream) =>
        _readers.TryGetValue(stream, out var readers) ? [.. readers.Keys] : [];

    /// <summary>The streams this connection reads (a walk over every stream: for the rare re-check, not the hot path).</summary>
    public IReadOnlyList<string> StreamsOf(string connectionId) =>
        [.. _readers.Where(r => r.Value.ContainsKey(connectionId)).Select(r => r.Key)];

    public void Leave(string stream, string connectionId)
    {
        if (_readers.TryGetValue(stream, out var readers) && readers.TryRemove(connectionId, out _))
        {
            _changed.TryAdd(stream, 0);
        }
    }

    public void LeaveAll(string connectionId)
    {
        foreach (var stream in _readers.Keys)
        {
            Leave(stream, connectionId);
        }
    }

    /// <summary>The streams whose count on this instance changed since the last call, with their counts now (0: nobody here reads it any more).</summary>
    public IReadOnlyList<(string Stream, int Count)> TakeChanged()
    {
        var changed = new List<(string, int)>();
        foreach (var stream in _changed.Keys)
        {
            _changed.TryRemove(stream, out _);
            var count = _readers.TryGetValue(stream, out var readers) ? readers.Count : 0;
            if (count == 0)
            {
                // Nobody left here; forget the stream (a later Join adds it again).
                if (readers is not null)
                {
                    _readers.TryRemove(new KeyValuePair<string, ConcurrentDictionary<string, byte>>(stream, readers));
                }
            }

            changed.Add((stream, count));
        }

        return changed;
    }
}

/// <summary>
/// Sends the presence counts of the streams that changed, at most once per interval each, to the
/// readers on this instance: each instance tells its own readers the total, so nobody hears a
/// count twice. A stream counts as changed when a reader here came or went, when another
/// instance says its count there changed, and, at each renewal, when the total moved without a
/// word (an instance that died: its readers expire).
/// </summary>
public sealed class PresenceBroadcaster(
    Presence presence, IPresenceTotals totals, IHubContext<LiveHub> hub, TimeProvider clock, ILogger<PresenceBroadcaster> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    // The total each stream's readers here last heard.
    private readonly Dictionary<string, int> _told = new(StringComparer.Ordinal);

    // The streams this instance last counted readers of in the totals (to take out when stopping).
    private readonly HashSet<string> _counted = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        var renewAt = clock.GetUtcNow() + (totals.RenewEvery ?? TimeSpan.Zero);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var work = presence.TakeChanged().ToDictionary(c => c.Stream, c => (c.Count, Here: true), StringComparer.Ordinal);
            foreach (var stream in totals.TakeAnnounced())
            {
                if (presence.CountOf(stream) is > 0 and var count)
                {
                    work.TryAdd(stream, (count, Here: false));
                }
            }

            if (totals.RenewEvery is { } renewEvery && clock.GetUtcNow() >= renewAt)
            {
                renewAt = clock.GetUtcNow() + renewEvery;
                foreach (var stream in presence.Streams())
                {
                    work.TryAdd(stream, (presence.CountOf(stream), Here: false));
                }
            }

            foreach (var (stream, (count, here)) in work)
            {
                await UpdateAsync(stream, count, here, stoppingToken);
            }
        }
    }

    /// <summary>
    /// An instance stopping on purpose (a deploy) takes its readers out of the totals at once,
    /// rather than leaving them counted until they expire while they reconnect elsewhere.
    /// </summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (!totals.IsShared)
        {
            return;
        }

        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            // Not presence.Streams(): SignalR closed the connections when the stop began.
            foreach (var stream in _counted)
            {
                await totals.SetAsync(stream, 0, bounded.Token);
            }
        }
        catch (Exception exception)
        {
            // Redis away or too slow: the counts expire by themselves.
            logger.LogInformation(exception, "Could not take this instance's readers out of the presence totals; they expire within the TTL");
        }
    }

    private async Task UpdateAsync(string stream, int countHere, bool changedHere, CancellationToken cancellationToken)
    {
        try
        {
            var total = await totals.SetAsync(stream, countHere, cancellationToken);
            if (countHere == 0)
            {
                _counted.Remove(stream);
                _told.Remove(stream);
                return;
            }

            _counted.Add(stream);

            // Someone new here has heard nothing yet, so a change here is always told.
            if (!changedHere && _told.TryGetValue(stream, out var told) && told == total)
            {
                return;
            }

            _told[stream] = total;
            var message = new { stream, count = total };
            if (totals.IsShared)
            {
                // Only the readers here: the other instances tell theirs.
                await hub.TellReadersHereAsync(presence, stream, LiveHub.PresenceMethod, message, logger, cancellationToken);
            }
            else
            {
                await hub.Clients.Group(stream).SendAsync(LiveHub.PresenceMethod, message, cancellationToken);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A hint, not data: log it and carry on with the next stream (a renewal tries again).
            logger.LogWarning(exception, "Could not send the presence count of {Stream}", stream);
        }
    }
}

public static class ReadersHere
{
    /// <summary>
    /// Writes the message to each of this instance's readers of the stream in turn. SignalR's Redis
    /// manager writes to a local connection directly, where a group or a list of connections goes
    /// through Redis to every instance; what an instance tells its own readers (presence totals,
    /// heads) must reach only them, and still arrive while Redis is down. A reader gone since the
    /// list was taken (SignalR then asks the backplane) is passed over; the others still hear.
    /// </summary>
    public static async Task TellReadersHereAsync(this IHubContext<LiveHub> hub, Presence presence, string stream,
        string method, object message, ILogger logger, CancellationToken cancellationToken)
    {
        foreach (var reader in presence.ReadersOf(stream))
        {
            try
            {
                await hub.Clients.Client(reader).SendAsync(method, message, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogDebug(exception, "Could not tell {Connection} of {Stream}", reader, stream);
            }
        }
    }
}
