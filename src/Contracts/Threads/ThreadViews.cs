using CommunityOfPractice.Contracts.Common;
using CommunityOfPractice.Domain.Community;

namespace CommunityOfPractice.Contracts.Threads;

public sealed record QuoteView(Guid PostId, int Number, string AuthorName, string? Excerpt);

/// <summary>
/// A post as one reader may see it: <see cref="Html"/> is null when it was removed, or hidden from
/// this reader; <see cref="Markdown"/> and the Can… flags are the author's only.
/// </summary>
public sealed record PostView(
    Guid Id, Guid ThreadId, int Number, AuthorRef Author, string? Html, string? Markdown, QuoteView? Quote,
    DateTimeOffset CreatedAt, DateTimeOffset? EditedAt, int RevisionCount, bool IsDeleted, bool IsHidden, string? HiddenReason,
    bool CanEdit, bool CanDelete);

public sealed record ThreadSummary(
    Guid Id, string Title, AuthorRef Author, DateTimeOffset CreatedAt, DateTimeOffset LastActivityAt, int ReplyCount, int PostCount,
    IReadOnlyList<string> Hashtags, IReadOnlyList<PlaceRef> Places, FrameworkStage? Stage, bool IsPinned, bool IsLocked,
    bool IsFollowed, int LastReadNumber, int UnreadCount);

/// <summary>A thread with the last sequence number of its live stream (subscribe from there).</summary>
public sealed record ThreadDetail(
    Guid Id, string Title, AuthorRef Author, DateTimeOffset CreatedAt, DateTimeOffset LastActivityAt, int ReplyCount, int PostCount,
    IReadOnlyList<string> Hashtags, IReadOnlyList<PlaceRef> Places, FrameworkStage? Stage, bool IsPinned, bool IsLocked,
    bool IsFollowed, int LastReadNumber, int UnreadCount, long LastSeq, bool CanModerate);

/// <summary>A page of threads; <see cref="Next"/> is the cursor of the next page, null on the last.</summary>
public sealed record ThreadPage(IReadOnlyList<ThreadSummary> Items, string? Next);

/// <summary>Posts in order; <see cref="Next"/> is the number to continue after, null on the last page.</summary>
public sealed record PostPage(IReadOnlyList<PostView> Items, int? Next, long LastSeq);

public sealed record RevisionView(int Number, string Html, DateTimeOffset EditedAt);
