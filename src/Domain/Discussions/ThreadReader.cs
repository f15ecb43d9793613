namespace CommunityOfPractice.Domain.Discussions;

/// <summary>A member's relation to a thread: following it, and the last post they have read.</summary>
public sealed class ThreadReader(Guid threadId, Guid memberId)
{
    public Guid ThreadId { get; private set; } = threadId;
    public Guid MemberId { get; private set; } = memberId;
    public bool IsFollowing { get; private set; }
    public int LastReadNumber { get; private set; }

    public void Follow() => IsFollowing = true;

    public void Unfollow() => IsFollowing = false;

    /// <summary>Reading only moves forward: opening an old page does not bring replies back as new.</summary>
    public void ReadUpTo(int number) => LastReadNumber = Math.Max(LastReadNumber, number);
}
