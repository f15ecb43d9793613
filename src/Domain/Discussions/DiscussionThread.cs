using CommunityOfPractice.Domain.Common;
using CommunityOfPractice.Domain.Community;

namespace CommunityOfPractice.Domain.Discussions;

/// <summary>
/// A conversation: a title, an opening post and replies in order. Its posts are numbered 1, 2, 3…
/// by the database in the same transaction as each post, so numbers never clash.
/// </summary>
public sealed class DiscussionThread
{
    public const int TitleMaxLength = 200;
    public const int MaxPlaces = 10;

    private readonly List<Place> _places = [];

    // For materialisation from storage only.
    private DiscussionThread() => Title = string.Empty;

    private DiscussionThread(Guid id, string title, Guid authorId, FrameworkStage? stage, DateTimeOffset now)
    {
        Id = id;
        Title = title;
        AuthorId = authorId;
        Stage = stage;
        CreatedAt = now;
        LastActivityAt = now;
    }

    public Guid Id { get; private set; }
    public string Title { get; private set; }
    public Guid AuthorId { get; private set; }
    public FrameworkStage? Stage { get; private set; }
    public List<string> Hashtags { get; private set; } = [];
    public List<string> HashtagKeys { get; private set; } = [];
    public IReadOnlyCollection<Place> Places => _places;
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset LastActivityAt { get; private set; }
    public int PostCount { get; private set; }
    public bool IsLocked { get; private set; }
    public bool IsPinned { get; private set; }

    /// <summary>Starts a thread whose opening post will be number 1.</summary>
    public static DiscussionThread Start(
        string title, string openingMarkdown, Guid authorId, IReadOnlyCollection<Place> places, FrameworkStage? stage, DateTimeOffset now)
    {
        var trimmed = title.Trim();
        if (trimmed.Length is 0 or > TitleMaxLength)
        {
            throw new DomainException($"A title has 1 to {TitleMaxLength} characters.");
        }

        if (places.Count > MaxPlaces)
        {
            throw new DomainException($"A thread names at most {MaxPlaces} places.");
        }

        var thread = new DiscussionThread(Guid.CreateVersion7(), trimmed, authorId, stage, now) { PostCount = 1 };
        thread._places.AddRange(places);
        var tags = Discussions.Hashtags.Parse(trimmed, openingMarkdown);
        thread.Hashtags = [.. tags];
        thread.HashtagKeys = [.. tags.Select(Discussions.Hashtags.Key)];
        return thread;
    }

    public void Lock() => IsLocked = true;

    public void Unlock() => IsLocked = false;

    public void Pin() => IsPinned = true;

    public void Unpin() => IsPinned = false;
}
