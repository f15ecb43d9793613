using CommunityOfPractice.Api.Infrastructure.Validation;
using CommunityOfPractice.Api.Notifications;
using CommunityOfPractice.Contracts.Threads;
using CommunityOfPractice.Domain.Discussions;
using FluentValidation.Results;

namespace CommunityOfPractice.Api.Features.Threads;

/// <summary>A member replies, optionally quoting an earlier post of the same thread.</summary>
public static class PostReply
{
    public sealed record Command(Caller Caller, Guid ThreadId, string Body, Guid? QuotedPostId, string? IdempotencyKey) : ICommand<PostView>, IIdempotent;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Body).ThreadBody();
            RuleFor(c => c.IdempotencyKey).IdempotencyKey();
        }
    }

    internal sealed class Handler(AppDbContext db, LiveStreams live, PostRenderer renderer, Notifier notifier, TimeProvider clock)
        : ICommandHandler<Command, PostView>
    {
        public async ValueTask<PostView> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var author = command.Caller.Id;

            // Taking the next number locks the thread's row until commit: replies to one thread
            // queue here, and each sees whether the thread is locked as it is at that moment.
            var numbered = await db.Database.SqlQuery<NextNumber>($"""
                UPDATE threads SET post_count = post_count + 1, last_activity_at = {now}
                WHERE id = {command.ThreadId}
                RETURNING post_count AS number, is_locked, title
                """).ToListAsync(cancellationToken);
            var next = numbered.SingleOrDefault() ?? throw new NotFoundException("There is no such thread.");

            var (html, mentioned) = await renderer.RenderAsync(command.Body, cancellationToken);
            var post = Post.Reply(command.ThreadId, next.IsLocked, next.Number, author, command.Body, html, command.QuotedPostId, now);
            Guid? quotedAuthor = null;
            if (command.QuotedPostId is { } quoted)
            {
                quotedAuthor = await db.Posts.Where(p => p.Id == quoted && p.ThreadId == command.ThreadId && !p.IsHidden)
                    .Select(p => (Guid?)p.AuthorId).SingleOrDefaultAsync(cancellationToken);
                if (quotedAuthor is null && !await db.Posts.AnyAsync(p => p.Id == quoted && p.ThreadId == command.ThreadId, cancellationToken))
                {
                    throw new ValidationException([new ValidationFailure("QuotedPostId", "Quote a post from this thread.")]);
                }
            }

            db.Posts.Add(post);
            await db.SaveChangesAsync(cancellationToken);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO thread_readers (thread_id, member_id, is_following, last_read_number)
                VALUES ({command.ThreadId}, {author}, TRUE, {post.Number})
                ON CONFLICT (thread_id, member_id) DO UPDATE
                SET last_read_number = GREATEST(thread_readers.last_read_number, EXCLUDED.last_read_number)
                """, cancellationToken);

            var row = (await db.PostRowAsync(post.Id, cancellationToken))!;
            await live.AppendAsync(StreamNames.Thread(command.ThreadId), ThreadEventKinds.PostAdded, row.ToView(Caller.Anonymous), cancellationToken);
            notifier.NotifyPost(row, next.Title, mentioned, quotedAuthor);
            return row.ToView(command.Caller);
        }
    }

    private sealed record NextNumber(int Number, bool IsLocked, string Title);
}
