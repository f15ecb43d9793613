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

    internal sealed class Handler(AppDbContext db, LiveStreams live, PostRenderer renderer, TimeProvider clock)
        : ICommandHandler<Command, PostView>
    {
        public async ValueTask<PostView> Handle(Command command, CancellationToken cancellationToken)
        {
            var post = await db.AuthorsPostAsync(command.Caller, command.PostId, "Only the author can edit a post.", cancellationToken);
            post.Edit(command.Body, await renderer.ToHtmlAsync(command.Body, cancellationToken), clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            var row = (await db.PostRowAsync(post.Id, cancellationToken))!;
            await live.AppendAsync(StreamNames.Thread(post.ThreadId), ThreadEventKinds.PostEdited, row.ToView(Caller.Anonymous), cancellationToken);
            return row.ToView(command.Caller);
        }
    }
}
