using CommunityOfPractice.Domain.Discussions;

namespace CommunityOfPractice.Contracts.Threads;

/// <summary>The limits the Api enforces on threads, for clients that check before sending.</summary>
public static class ThreadLimits
{
    public const int TitleMaxLength = DiscussionThread.TitleMaxLength;
    public const int MaxPlaces = DiscussionThread.MaxPlaces;
    public const int PostBodyMaxLength = Post.BodyMaxLength;
    public const int HiddenReasonMaxLength = Post.HiddenReasonMaxLength;
}
