using CommunityOfPractice.Api.Notifications;
namespace CommunityOfPractice.Api.Features.Threads;

/// <summary>Authors remove their own posts: the post stays in place as "post removed", replies remain.</summary>
public static class DeletePost
{
    public sealed record Command(Caller Caller, Guid PostId) : ICommand, ITransactional;

    internal sealed class Handler(AppDbContext db, LiveStreams live, Notifier notifier) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var post = await db.AuthorsPostAsync(command.Caller, command.PostId,
                "Only the author can remove a post; moderators hide posts instead.", cancellationToken);
            if (!post.IsDeleted)
            {
                post.Delete();
                await live.AppendAsync(StreamNames.Thread(post.ThreadId), ThreadEventKinds.PostDeleted,
                    new { postId = post.Id, number = post.Number }, cancellationToken);
                await notifier.WithdrawAsync(ThreadNotifications.LinkTo(post.ThreadId, post.Number), ThreadNotifications.Withdrawn, cancellationToken);
            }

            return Unit.Value;
        }
    }
}
