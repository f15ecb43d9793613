using CommunityOfPractice.Api.Notifications;
using CommunityOfPractice.Contracts.Threads;

namespace CommunityOfPractice.Api.Features.Threads;

/// <summary>Authors edit their own posts; the earlier text is kept as a revision anyone can read.</summary>
public static class EditPost
{
    public sealed record Command(Caller Caller, Guid PostId, string Body) : ICommand<PostView>, ITransactional;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Body).ThreadBody();
    }

    internal sealed class Handler(AppDbContext db, LiveStreams live, PostRenderer renderer, Notifier notifier, TimeProvider clock)
        : ICommandHandler<Command, PostView>
    {
        public async ValueTask<PostView> Handle(Command command, CancellationToken cancellationToken)
        {
            var post = await db.AuthorsPostAsync(command.Caller, command.PostId, "Only the author can edit a post.", cancellationToken);
            var before = (await renderer.RenderAsync(post.Markdown, cancellationToken)).Mentioned;
            var (html, mentioned) = await renderer.RenderAsync(command.Body, cancellationToken);
            var locked = await db.Threads.Where(t => t.Id == post.ThreadId).Select(t => t.IsLocked).SingleAsync(cancellationToken);
            post.Edit(command.Body, html, clock.GetUtcNow(), locked);
            await db.SaveChangesAsync(cancellationToken);
            var row = (await db.PostRowAsync(post.Id, cancellationToken))!;
            await live.AppendAsync(StreamNames.Thread(post.ThreadId), ThreadEventKinds.PostEdited, row.ToView(Caller.Anonymous), cancellationToken);

            // Only the people an edit newly mentions hear of it, and not if the post is hidden.
            if (!post.IsHidden)
            {
                var title = await db.Threads.Where(t => t.Id == post.ThreadId).Select(t => t.Title).SingleAsync(cancellationToken);
                notifier.NotifyMentions(row, title, mentioned.Except(before));
            }
            return row.ToView(command.Caller);
        }
    }
}
