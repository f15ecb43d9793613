using System.Linq.Expressions;
using CommunityOfPractice.Contracts.Common;
using CommunityOfPractice.Contracts.Threads;
using CommunityOfPractice.Domain.Discussions;

namespace CommunityOfPractice.Api.Features.Threads;

/// <summary>The columns a post view needs, read in one projection (never the revisions themselves).</summary>
internal sealed record PostRow(
    Guid Id, Guid ThreadId, int Number, Guid AuthorId, string AuthorName, string Markdown, string Html,
    DateTimeOffset CreatedAt, DateTimeOffset? EditedAt, int RevisionCount, bool IsDeleted, bool IsHidden, string? HiddenReason,
    QuoteRow? Quote);

internal sealed record QuoteRow(Guid PostId, int Number, string AuthorName, string Markdown, bool Gone);

/// <summary>How a post is read: one projection of the columns, then shaped for who is reading.</summary>
internal static class PostProjection
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

    /// <summary>The post for this reader; <paramref name="threadIsLocked"/> (when the caller knows it) takes away Edit, as the server would refuse it.</summary>
    public static PostView ToView(this PostRow row, Caller reader, bool threadIsLocked = false)
    {
        var isAuthor = reader.Is(row.AuthorId);
        var showContent = !row.IsDeleted && (!row.IsHidden || reader.SeesHiddenContent());
        return new PostView(
            row.Id, row.ThreadId, row.Number, new AuthorRef(row.AuthorId, row.AuthorName),
            showContent ? row.Html : null,
            isAuthor && !row.IsDeleted ? row.Markdown : null,
            row.Quote is { } quote
                ? new QuoteView(quote.PostId, quote.Number, quote.AuthorName, quote.Gone ? null : Excerpt(quote.Markdown))
                : null,
            row.CreatedAt, row.EditedAt, row.RevisionCount, row.IsDeleted, row.IsHidden,
            row.IsHidden && (isAuthor || reader.SeesHiddenContent()) ? row.HiddenReason : null,
            CanEdit: isAuthor && !row.IsDeleted && !threadIsLocked,
            CanDelete: isAuthor && !row.IsDeleted);
    }

    private static string Excerpt(string markdown) =>
        markdown.Length <= ExcerptLength ? markdown : string.Concat(markdown.AsSpan(0, ExcerptLength), "…");

    public static Task<PostRow?> PostRowAsync(this AppDbContext db, Guid postId, CancellationToken cancellationToken) =>
        db.Posts.AsNoTracking().Where(p => p.Id == postId).Select(Row(db)).SingleOrDefaultAsync(cancellationToken);
}
