using CommunityOfPractice.Contracts.Common;
using System.Text.Json.Serialization;

namespace CommunityOfPractice.Web.Api;

// The Api's JSON shapes (camelCase on the wire), as the Web reads and sends them.

public sealed record RegisterRequest(string Email, string Password, string DisplayName);

public sealed record Registered(Guid Id, string Email, string DisplayName);

public sealed record Profile(
    Guid Id,
    string Email,
    string DisplayName,
    string? Bio,
    NamedRef? Organisation,
    IReadOnlyList<NamedRef> Places,
    IReadOnlyList<string> Roles,
    DateTimeOffset JoinedAt);

public sealed record UpdateProfileRequest(string DisplayName, string? Bio, Guid? OrganisationId, IReadOnlyList<Guid> PlaceIds);

/// <summary>A place; <see cref="Kind"/> is the Api's enum name, such as <c>LondonBorough</c>.</summary>
public sealed record Place(Guid Id, string Name, string Slug, string Kind);

public sealed record Organisation(Guid Id, string Name, string Slug, string? Website);

public sealed record Stage([property: JsonPropertyName("stage")] string Name, int Order, string Description);

public sealed record Person(
    Guid Id, string Email, string DisplayName, string? Organisation, IReadOnlyList<string> Roles, DateTimeOffset JoinedAt, bool LockedOut);

public sealed record PeoplePage(IReadOnlyList<Person> Items, string? Next);

// Threads (see docs/api.md and docs/live-protocol.md).

public sealed record QuoteView(Guid PostId, int Number, string AuthorName, string? Excerpt);

/// <summary>A post as the reader may see it: <see cref="Html"/> is null when removed or hidden from this reader.</summary>
public sealed record PostView(
    Guid Id, Guid ThreadId, int Number, AuthorRef Author, string? Html, string? Markdown, QuoteView? Quote,
    DateTimeOffset CreatedAt, DateTimeOffset? EditedAt, int RevisionCount, bool IsDeleted, bool IsHidden, string? HiddenReason,
    bool CanEdit, bool CanDelete);

public sealed record ThreadSummary(
    Guid Id, string Title, AuthorRef Author, DateTimeOffset CreatedAt, DateTimeOffset LastActivityAt, int ReplyCount, int PostCount,
    IReadOnlyList<string> Hashtags, IReadOnlyList<PlaceRef> Places, string? Stage, bool IsPinned, bool IsLocked,
    bool IsFollowed, int LastReadNumber, int UnreadCount);

public sealed record ThreadDetail(
    Guid Id, string Title, AuthorRef Author, DateTimeOffset CreatedAt, DateTimeOffset LastActivityAt, int ReplyCount, int PostCount,
    IReadOnlyList<string> Hashtags, IReadOnlyList<PlaceRef> Places, string? Stage, bool IsPinned, bool IsLocked,
    bool IsFollowed, int LastReadNumber, int UnreadCount, long LastSeq, bool CanModerate);

public sealed record ThreadPage(IReadOnlyList<ThreadSummary> Items, string? Next);

public sealed record PostPage(IReadOnlyList<PostView> Items, int? Next, long LastSeq);

public sealed record RevisionView(int Number, string Html, DateTimeOffset EditedAt);

public sealed record StartThreadRequest(string Title, string Body, IReadOnlyList<Guid> PlaceIds, string? Stage);

public sealed record ReplyRequest(string Body, Guid? QuotedPostId);

public sealed record EditPostRequest(string Body);

public sealed record HidePostRequest(string Reason);

public sealed record MarkReadRequest(int Number);

/// <summary>What to list: every filter is optional and they combine.</summary>
public sealed record ThreadFilter(string? Tag, Guid? PlaceId, string? Stage, bool Followed, string? After);

/// <summary>A member as other members see them (no e-mail address).</summary>
public sealed record MemberProfile(
    Guid Id, string DisplayName, string Handle, string? Bio, NamedRef? Organisation, IReadOnlyList<NamedRef> Places, DateTimeOffset JoinedAt);
