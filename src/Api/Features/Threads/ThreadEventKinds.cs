namespace CommunityOfPractice.Api.Features.Threads;

/// <summary>What a thread's stream ("thread:{id}") carries; docs/live-protocol.md describes each.</summary>
public static class ThreadEventKinds
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

    /// <summary>Kinds whose data is a whole post: catch-up replaces them with the post as it is now.</summary>
    public static readonly IReadOnlySet<string> CarryPost = new HashSet<string> { PostAdded, PostEdited, PostUnhidden };
}
