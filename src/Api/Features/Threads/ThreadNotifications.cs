using CommunityOfPractice.Api.Notifications;
using CommunityOfPractice.Domain.Notifications;

namespace CommunityOfPractice.Api.Features.Threads;

/// <summary>
/// Who hears of a new post: the members it @mentions (a mention), then the author of the post it
/// quotes and everyone following the thread (a reply). Each person is told once, as a mention if
/// they are one. Every thread is for members only, so the notifications are too: an applicant who
/// is mentioned hears nothing until they are approved.
/// </summary>
internal static class ThreadNotifications
{
    public const string Withdrawn = "A moderator hid this post, or its author removed it.";

    public static string LinkTo(Guid threadId, int number) => $"/Threads/{threadId}#post-{number}";

    public static void NotifyPost(this Notifier notifier, PostRow post, string threadTitle, IReadOnlyCollection<Guid> mentioned, Guid? quotedAuthor)
    {
        var link = LinkTo(post.ThreadId, post.Number);
        var excerpt = Notifier.Excerpt(post.Markdown);
        NotifyMentions(notifier, post, threadTitle, mentioned);

        if (post.Number == 1)
        {
            return; // a new thread has no followers yet but its author
        }

        notifier.NotifyThreadFollowers(NotificationKind.Reply, post.ThreadId, post.Number, quotedAuthor is { } quoted ? [quoted] : [], mentioned,
            new NotificationMessage($"{post.AuthorName} replied in “{threadTitle}”", excerpt, link)
            {
                GroupKey = StreamNames.Thread(post.ThreadId),
                CountedTitle = $" new replies in “{threadTitle}”, the latest from {post.AuthorName}",
            },
            post.AuthorId);
    }

    public static void NotifyMentions(this Notifier notifier, PostRow post, string threadTitle, IEnumerable<Guid> mentioned) =>
        notifier.Notify(NotificationKind.Mention, mentioned,
            new NotificationMessage($"{post.AuthorName} mentioned you in “{threadTitle}”", Notifier.Excerpt(post.Markdown), LinkTo(post.ThreadId, post.Number)),
            post.AuthorId);
}
