using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace CommunityOfPractice.Api.Live;

/// <summary>
/// Who is reading which stream on this Api instance ("5 reading"). Counts are per instance;
/// behind several instances they are a lower bound, which is fine for a presence hint.
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

    /// <summary>The streams whose count changed since the last call, with their counts now.</summary>
    public IReadOnlyList<(string Stream, int Count)> TakeChanged()
    {
        var changed = new List<(string, int)>();
        foreach (var stream in _changed.Keys)
        {
            _changed.TryRemove(stream, out _);
            var count = _readers.TryGetValue(stream, out var readers) ? readers.Count : 0;
            if (count == 0)
            {
                // Nobody left to tell; forget the stream (a later Join adds it again).
                _readers.TryRemove(new KeyValuePair<string, ConcurrentDictionary<string, byte>>(stream, readers!));
                continue;
            }

            changed.Add((stream, count));
        }

        return changed;
    }
}

/// <summary>Sends the presence counts of the streams that changed, at most once per interval each.</summary>
public sealed class PresenceBroadcaster(Presence presence, IHubContext<LiveHub> hub, ILogger<PresenceBroadcaster> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var (stream, count) in presence.TakeChanged())
            {
                try
                {
                    await hub.Clients.Group(stream).SendAsync(LiveHub.PresenceMethod, new { stream, count }, stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // A hint, not data: log it and carry on with the next stream.
                    logger.LogWarning(exception, "Could not send the presence count of {Stream}", stream);
                }
            }
        }
    }
}
