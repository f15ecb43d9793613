using CommunityOfPractice.Domain.Discussions;

namespace CommunityOfPractice.Api.Features.Threads;

/// <summary>
/// Who may do what in threads. Every signed-in member reads and replies (the endpoints require a
/// member); moderators lock, pin and hide (the moderator policy); authors edit and remove their
/// own posts, and only they see their Markdown. Hidden content reaches moderators and its author.
/// </summary>
internal static class ThreadAccess
{
    public static bool SeesHiddenContent(this Caller caller) => caller.MayModerate;

    /// <summary>The post, tracked, for its author to change; 404 when there is none, 403 for anyone else.</summary>
    public static async Task<Post> AuthorsPostAsync(this AppDbContext db, Caller caller, Guid postId, string forbidden, CancellationToken cancellationToken)
    {
        var post = await db.PostAsync(postId, cancellationToken);
        return post.IsWrittenBy(caller.MemberId) ? post : throw new ForbiddenException(forbidden);
    }

    public static async Task<Post> PostAsync(this AppDbContext db, Guid postId, CancellationToken cancellationToken) =>
        await db.Posts.SingleOrDefaultAsync(p => p.Id == postId, cancellationToken) ?? throw new NotFoundException("There is no such post.");

    public static async Task EnsureThreadExistsAsync(this AppDbContext db, Guid threadId, CancellationToken cancellationToken)
    {
        if (!await db.Threads.AnyAsync(t => t.Id == threadId, cancellationToken))
        {
            throw new NotFoundException("There is no such thread.");
        }
    }
}
