using CommunityOfPractice.Api.Infrastructure.Persistence;
using CommunityOfPractice.Api.Data;
using CommunityOfPractice.Api.Infrastructure;
using CommunityOfPractice.Api.Live;
using CommunityOfPractice.Domain.Discussions;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CommunityOfPractice.Api.Features.Threads;

/// <summary>Moderators hide a post with a reason (its content then reaches moderators only) or show it again.</summary>
public static class HidePost
{
    public sealed record Request(string Reason);

    public sealed record Command(Guid PostId, bool Hide, string? Reason) : ICommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.Reason).NotEmpty().WithMessage("Say why the post is hidden; its author will see the reason.")
                .MaximumLength(Post.HiddenReasonMaxLength).WithMessage($"A reason has at most {Post.HiddenReasonMaxLength} characters.")
                .When(c => c.Hide);
    }

    internal sealed class Handler(AppDbContext db, UnitOfWork work, LiveStreams live) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken) =>
            await work.RunAsync(async () =>
            {
                var post = await db.Posts.SingleOrDefaultAsync(p => p.Id == command.PostId, cancellationToken)
                    ?? throw new NotFoundException("There is no such post.");
                var stream = DiscussionThread.StreamName(post.ThreadId);
                if (command.Hide)
                {
                    post.Hide(command.Reason!);
                    await live.AppendAsync(stream, EventKinds.PostHidden, new { postId = post.Id, number = post.Number }, cancellationToken);
                }
                else if (post.IsHidden)
                {
                    post.Unhide();
                    await db.SaveChangesAsync(cancellationToken);
                    var row = (await db.PostRowAsync(post.Id, cancellationToken))!;
                    await live.AppendAsync(stream, EventKinds.PostUnhidden, row.ToView(Reader.Public), cancellationToken);
                }

                return Unit.Value;
            }, cancellationToken);
    }
}

/// <summary>Moderators lock a thread (no new replies) or pin it to the top of lists, and undo either.</summary>
public static class ModerateThread
{
    public enum Change
    {
        Lock,
        Unlock,
        Pin,
        Unpin,
    }

    public sealed record Command(Guid ThreadId, Change Change) : ICommand;

    internal sealed class Handler(AppDbContext db, UnitOfWork work, LiveStreams live) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken) =>
            await work.RunAsync(async () =>
            {
                var thread = await db.Threads.SingleOrDefaultAsync(t => t.Id == command.ThreadId, cancellationToken)
                    ?? throw new NotFoundException("There is no such thread.");
                var (changed, kind) = command.Change switch
                {
                    Change.Lock => (!thread.IsLocked, EventKinds.ThreadLocked),
                    Change.Unlock => (thread.IsLocked, EventKinds.ThreadUnlocked),
                    Change.Pin => (!thread.IsPinned, EventKinds.ThreadPinned),
                    _ => (thread.IsPinned, EventKinds.ThreadUnpinned),
                };
                if (!changed)
                {
                    return Unit.Value;
                }

                System.Action apply = command.Change switch
                {
                    Change.Lock => thread.Lock,
                    Change.Unlock => thread.Unlock,
                    Change.Pin => thread.Pin,
                    _ => thread.Unpin,
                };
                apply();
                await live.AppendAsync(thread.Stream, kind, new { threadId = thread.Id }, cancellationToken);
                return Unit.Value;
            }, cancellationToken);
    }
}
