using CommunityOfPractice.Api.Infrastructure.Persistence;
using CommunityOfPractice.Api.Data;
using CommunityOfPractice.Api.Infrastructure;
using CommunityOfPractice.Api.Live;
using CommunityOfPractice.Domain.Discussions;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CommunityOfPractice.Api.Features.Threads;

/// <summary>Authors edit their own posts; the earlier text is kept as a revision anyone can read.</summary>
public static class EditPost
{
    public sealed record Request(string Body);

    public sealed record Command(Reader Reader, Guid PostId, string Body) : ICommand<PostView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Body).ThreadBody();
    }

    internal sealed class Handler(AppDbContext db, UnitOfWork work, LiveStreams live, PostRenderer renderer, TimeProvider clock)
        : ICommandHandler<Command, PostView>
    {
        public async ValueTask<PostView> Handle(Command command, CancellationToken cancellationToken)
        {
            var html = await renderer.ToHtmlAsync(command.Body, cancellationToken);
            return await work.RunAsync(async () =>
            {
                var post = await db.Posts.SingleOrDefaultAsync(p => p.Id == command.PostId, cancellationToken)
                    ?? throw new NotFoundException("There is no such post.");
                if (!post.IsWrittenBy(command.Reader.MemberId))
                {
                    throw new ForbiddenException("Only the author can edit a post.");
                }

                post.Edit(command.Body, html, clock.GetUtcNow());
                await db.SaveChangesAsync(cancellationToken);
                var row = (await db.PostRowAsync(post.Id, cancellationToken))!;
                await live.AppendAsync(DiscussionThread.StreamName(post.ThreadId), EventKinds.PostEdited, row.ToView(Reader.Public), cancellationToken);
                return row.ToView(command.Reader);
            }, cancellationToken);
        }
    }
}

/// <summary>Authors remove their own posts: the post stays in place as "post removed", replies remain.</summary>
public static class DeletePost
{
    public sealed record Command(Reader Reader, Guid PostId) : ICommand;

    internal sealed class Handler(AppDbContext db, UnitOfWork work, LiveStreams live) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken) =>
            await work.RunAsync(async () =>
            {
                var post = await db.Posts.SingleOrDefaultAsync(p => p.Id == command.PostId, cancellationToken)
                    ?? throw new NotFoundException("There is no such post.");
                if (!post.IsWrittenBy(command.Reader.MemberId))
                {
                    throw new ForbiddenException("Only the author can remove a post; moderators hide posts instead.");
                }

                if (!post.IsDeleted)
                {
                    post.Delete();
                    await live.AppendAsync(DiscussionThread.StreamName(post.ThreadId), EventKinds.PostDeleted,
                        new { postId = post.Id, number = post.Number }, cancellationToken);
                }

                return Unit.Value;
            }, cancellationToken);
    }
}
