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

public static class EventKinds
{
    public const string PostAdded = "post.added";
    public const string PostEdited = "post.edited";
    public const string PostDeleted = "post.deleted";
    public const string PostHidden = "post.hidden";
    public const string PostUnhidden = "post.unhidden";
    public const string ThreadLocked = "thread.locked";
    public const string ThreadUnlocked = "thread.unlocked";
    public const string ThreadPinned = "thread.pinned";
    public const string ThreadUnpinned = "thread.unpinned";
}

/// <summary>The last number handed out in a stream (table "streams"); see LiveStreams.AppendAsync.</summary>
public sealed class StreamCounter
{
    public required string Name { get; init; }
    public long LastSeq { get; init; }
}
