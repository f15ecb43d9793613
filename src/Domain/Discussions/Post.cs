using CommunityOfPractice.Domain.Common;

namespace CommunityOfPractice.Domain.Discussions;

/// <summary>
/// One post in a thread. Markdown is what the author wrote; Html is its sanitized rendering,
/// kept so that readers never pay for rendering. Edits keep the earlier text as revisions;
/// deleting and hiding are soft, so replies and quotes keep their place.
/// </summary>
public sealed class Post
{
    public const int BodyMaxLength = 50_000;
    public const int HiddenReasonMaxLength = 500;

    private readonly List<PostRevision> _revisions = [];

    // For materialisation from storage only.
    private Post()
    {
        Markdown = string.Empty;
        Html = string.Empty;
    }

    private Post(Guid id, Guid threadId, int number, Guid authorId, string markdown, string html, Guid? quotedPostId, DateTimeOffset now)
    {
        Id = id;
        ThreadId = threadId;
        Number = number;
        AuthorId = authorId;
        Markdown = markdown;
        Html = html;
        QuotedPostId = quotedPostId;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid ThreadId { get; private set; }
    public int Number { get; private set; }
    public Guid AuthorId { get; private set; }
    public string Markdown { get; private set; }
    public string Html { get; private set; }
    public Guid? QuotedPostId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? EditedAt { get; private set; }
    public bool IsDeleted { get; private set; }
    public bool IsHidden { get; private set; }
    public string? HiddenReason { get; private set; }
    public IReadOnlyCollection<PostRevision> Revisions => _revisions;

    public static Post Write(Guid threadId, int number, Guid authorId, string markdown, string html, Guid? quotedPostId, DateTimeOffset now)
    {
        RequireBody(markdown);
        return new Post(Guid.CreateVersion7(), threadId, number, authorId, markdown, html, quotedPostId, now);
    }

    /// <summary>
    /// A reply, numbered while the thread's row is locked for it (so <paramref name="threadIsLocked"/>
    /// is the thread's state at that moment). A locked thread takes no reply.
    /// </summary>
    public static Post Reply(
        Guid threadId, bool threadIsLocked, int number, Guid authorId, string markdown, string html, Guid? quotedPostId, DateTimeOffset now) =>
        threadIsLocked
            ? throw new DomainException("This thread is locked: it takes no new replies.")
            : Write(threadId, number, authorId, markdown, html, quotedPostId, now);

    public bool IsWrittenBy(Guid? memberId) => AuthorId == memberId;

    /// <summary>
    /// The author rewrites the post; the earlier text is kept as a revision. A locked thread
    /// (<paramref name="threadIsLocked"/>, its state as read with the post) is closed to edits as
    /// it is to replies: locking stops a conversation, including rewriting what was said in it.
    /// </summary>
    public void Edit(string markdown, string html, DateTimeOffset now, bool threadIsLocked)
    {
        if (IsDeleted)
        {
            throw new DomainException("A removed post cannot be edited.");
        }

        if (threadIsLocked)
        {
            throw new DomainException("This thread is locked: its posts can no longer be edited.");
        }

        RequireBody(markdown);
        _revisions.Add(new PostRevision(Id, _revisions.Count + 1, Markdown, Html, EditedAt ?? CreatedAt));
        Markdown = markdown;
        Html = html;
        EditedAt = now;
    }

    public void Delete() => IsDeleted = true;

    /// <summary>
    /// Its author left and asked for what they wrote to go: the post stays in its place (the
    /// numbering and replies that quote it still make sense) as a deleted post, with its words and
    /// every earlier version of them gone rather than merely hidden.
    /// </summary>
    public void EraseContent()
    {
        IsDeleted = true;
        Markdown = string.Empty;
        Html = string.Empty;
        _revisions.Clear();
    }

    public void Hide(string reason)
    {
        var trimmed = reason.Trim();
        if (trimmed.Length is 0 or > HiddenReasonMaxLength)
        {
            throw new DomainException($"Give a reason of 1 to {HiddenReasonMaxLength} characters for hiding a post.");
        }

        IsHidden = true;
        HiddenReason = trimmed;
    }

    public void Unhide()
    {
        IsHidden = false;
        HiddenReason = null;
    }

    private static void RequireBody(string markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown) || markdown.Length > BodyMaxLength)
        {
            throw new DomainException($"A post has 1 to {BodyMaxLength} characters.");
        }
    }
}

/// <summary>An earlier text of an edited post: Number 1 is what was first written.</summary>
public sealed class PostRevision(Guid postId, int number, string markdown, string html, DateTimeOffset writtenAt)
{
    public Guid PostId { get; private set; } = postId;
    public int Number { get; private set; } = number;
    public string Markdown { get; private set; } = markdown;
    public string Html { get; private set; } = html;
    public DateTimeOffset WrittenAt { get; private set; } = writtenAt;
}
