using System.Collections.Concurrent;

namespace CommunityOfPractice.Api.Live;

/// <summary>
/// Who is reading which stream on this Api instance ("5 reading"). Counts are per instance;
/// behind several instances they are a lower bound, which is fine for a presence hint.
/// </summary>
public sealed class Presence
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _readers = new();

    public int Join(string stream, string connectionId)
    {
        var readers = _readers.GetOrAdd(stream, _ => new());
        readers.TryAdd(connectionId, 0);
        return readers.Count;
    }

    public bool IsReading(string stream, string connectionId) =>
        _readers.TryGetValue(stream, out var readers) && readers.ContainsKey(connectionId);

    public int? Leave(string stream, string connectionId) =>
        _readers.TryGetValue(stream, out var readers) && readers.TryRemove(connectionId, out _) ? readers.Count : null;

    public IReadOnlyList<(string Stream, int Count)> LeaveAll(string connectionId) =>
        [.. _readers.Keys.Select(stream => (stream, Leave(stream, connectionId))).Where(x => x.Item2 is not null).Select(x => (x.stream, x.Item2!.Value))];
}
