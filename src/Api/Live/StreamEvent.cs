using System.Text.Json;

namespace CommunityOfPractice.Api.Live;

/// <summary>A stored event of a stream: the durable log clients catch up from.</summary>
public sealed class StoredStreamEvent
{
    public required string Stream { get; init; }
    public required long Seq { get; init; }
    public required string Kind { get; init; }
    public required string Data { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>What the hub sends: see docs/live-protocol.md.</summary>
public sealed record StreamEvent(string Stream, long Seq, string Kind, JsonElement Data);

public sealed record SubscribeResult(string Stream, IReadOnlyList<StreamEvent> Events, bool Reset, long LastSeq);

/// <summary>The last number handed out in a stream (table "streams"); see LiveStreams.AppendAsync.</summary>
public sealed class StreamCounter
{
    public required string Name { get; init; }
    public long LastSeq { get; init; }
}
