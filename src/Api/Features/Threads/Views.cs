using CommunityOfPractice.Contracts.Common;
using CommunityOfPractice.Contracts;
using System.Linq.Expressions;
using System.Security.Claims;
using CommunityOfPractice.Api.Data;
using CommunityOfPractice.Api.Infrastructure;
using CommunityOfPractice.Domain.Community;
using CommunityOfPractice.Domain.Discussions;

namespace CommunityOfPractice.Api.Features.Threads;

/// <summary>Who is asking: what a post looks like depends on it (authors and moderators see more).</summary>
public sealed record Reader(Guid MemberId, bool IsModerator)
{
    /// <summary>The view sent to every reader of a stream: no author or moderator extras.</summary>
    public static readonly Reader Public = new(Guid.Empty, false);

    public static Reader From(ClaimsPrincipal user) =>
        new(user.MemberId(), user.IsInRole(Roles.Moderator) || user.IsInRole(Roles.Admin));
}

public sealed record QuoteView(Guid PostId, int Number, string AuthorName, string? Excerpt);

public sealed record PostView(
    Guid Id, Guid ThreadId, int Number, AuthorRef Author, string? Html, string? Markdown, QuoteView? Quote,
    DateTimeOffset CreatedAt, DateTimeOffset? EditedAt, int RevisionCount, bool IsDeleted, bool IsHidden, string? HiddenReason,
    bool CanEdit, bool CanDelete);

public sealed record ThreadSummary(
    Guid Id, string Title, AuthorRef Author, DateTimeOffset CreatedAt, DateTimeOffset LastActivityAt, int ReplyCount, int PostCount,
    IReadOnlyList<string> Hashtags, IReadOnlyList<PlaceRef> Places, FrameworkStage? Stage, bool IsPinned, bool IsLocked,
    bool IsFollowed, int LastReadNumber, int UnreadCount);

public sealed record ThreadDetail(
    Guid Id, string Title, AuthorRef Author, DateTimeOffset CreatedAt, DateTimeOffset LastActivityAt, int ReplyCount, int PostCount,
    IReadOnlyList<string> Hashtags, IReadOnlyList<PlaceRef> Places, FrameworkStage? Stage, bool IsPinned, bool IsLocked,
    bool IsFollowed, int LastReadNumber, int UnreadCount, long LastSeq, bool CanModerate);

/// <summary>The columns a post view needs, read in one projection (never the revisions themselves).</summary>
public sealed record PostRow(
    Guid Id, Guid ThreadId, int Number, Guid AuthorId, string AuthorName, string Markdown, string Html,
    DateTimeOffset CreatedAt, DateTimeOffset? EditedAt, int RevisionCount, bool IsDeleted, bool IsHidden, string? HiddenReason,
    QuoteRow? Quote);

public sealed record QuoteRow(Guid PostId, int Number, string AuthorName, string Markdown, bool Gone);

public static class PostViews
{
    private const int ExcerptLength = 200;

    public static Expression<Func<Post, PostRow>> Row(AppDbContext db) => p => new PostRow(
        p.Id, p.ThreadId, p.Number, p.AuthorId,
        db.Members.Where(m => m.Id == p.AuthorId).Select(m => m.DisplayName).First(),
        p.Markdown, p.Html, p.CreatedAt, p.EditedAt, p.Revisions.Count(), p.IsDeleted, p.IsHidden, p.HiddenReason,
        // One scalar subquery per field, each a primary-key lookup. Projecting the quoted post as a
        // whole made EF join a ROW_NUMBER() window over every post in the database: a page of a
        // thread then cost as much as the whole forum.
        p.QuotedPostId == null
            ? null
            : new QuoteRow(
                p.QuotedPostId.Value,
                db.Posts.Where(q => q.Id == p.QuotedPostId).Select(q => q.Number).FirstOrDefault(),
                db.Posts.Where(q => q.Id == p.QuotedPostId)
                    .Select(q => db.Members.Where(m => m.Id == q.AuthorId).Select(m => m.DisplayName).FirstOrDefault()).FirstOrDefault() ?? "",
                db.Posts.Where(q => q.Id == p.QuotedPostId).Select(q => q.Markdown).FirstOrDefault() ?? "",
                db.Posts.Where(q => q.Id == p.QuotedPostId).Select(q => q.IsDeleted || q.IsHidden).FirstOrDefault()));

    public static PostView ToView(this PostRow row, Reader reader)
    {
        var isAuthor = row.AuthorId == reader.MemberId;
        var showContent = !row.IsDeleted && (!row.IsHidden || reader.IsModerator);
        return new PostView(
            row.Id, row.ThreadId, row.Number, new AuthorRef(row.AuthorId, row.AuthorName),
            showContent ? row.Html : null,
            isAuthor && !row.IsDeleted ? row.Markdown : null,
            row.Quote is { } quote
                ? new QuoteView(quote.PostId, quote.Number, quote.AuthorName, quote.Gone ? null : Excerpt(quote.Markdown))
                : null,
            row.CreatedAt, row.EditedAt, row.RevisionCount, row.IsDeleted, row.IsHidden,
            row.IsHidden && (isAuthor || reader.IsModerator) ? row.HiddenReason : null,
            CanEdit: isAuthor && !row.IsDeleted,
            CanDelete: isAuthor && !row.IsDeleted);
    }

    private static string Excerpt(string markdown) =>
        markdown.Length <= ExcerptLength ? markdown : string.Concat(markdown.AsSpan(0, ExcerptLength), "…");
}
