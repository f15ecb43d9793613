using CommunityOfPractice.Api.Infrastructure.Audit;
using CommunityOfPractice.Api.Notifications;
using CommunityOfPractice.Domain.Discussions;

namespace CommunityOfPractice.Api.Features.Threads;

/// <summary>Moderators hide a post with a reason (its content then reaches moderators only) or show it again.</summary>
public static class HidePost
{
    public sealed record Command(Caller Caller, Guid PostId, bool Hide, string? Reason) : ICommand, ITransactional;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.Reason).NotEmpty().WithMessage("Say why the post is hidden; its author will see the reason.")
                .MaximumLength(Post.HiddenReasonMaxLength).WithMessage($"A reason has at most {Post.HiddenReasonMaxLength} characters.")
                .When(c => c.Hide);
    }

    internal sealed class Handler(AppDbContext db, LiveStreams live, Notifier notifier, AuditLog audit) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var post = await db.PostAsync(command.PostId, cancellationToken);
            var stream = StreamNames.Thread(post.ThreadId);
            if (command.Hide)
            {
                post.Hide(command.Reason!);
                audit.Record(command.Caller, post.AuthorId, AuditActions.PostHidden, $"Post {post.Number} in thread {post.ThreadId}: {command.Reason!.Trim()}");
                await live.AppendAsync(stream, ThreadEventKinds.PostHidden, new { postId = post.Id, number = post.Number }, cancellationToken);
                await notifier.WithdrawAsync(ThreadNotifications.LinkTo(post.ThreadId, post.Number), ThreadNotifications.Withdrawn, cancellationToken);
            }
            else if (post.IsHidden)
            {
                post.Unhide();
                audit.Record(command.Caller, post.AuthorId, AuditActions.PostShown, $"Post {post.Number} in thread {post.ThreadId}");
                await db.SaveChangesAsync(cancellationToken);
                var row = (await db.PostRowAsync(post.Id, cancellationToken))!;
                await live.AppendAsync(stream, ThreadEventKinds.PostUnhidden, row.ToView(Caller.Anonymous), cancellationToken);
            }

            return Unit.Value;
        }
    }
}
