using CommunityOfPractice.Api.Infrastructure.Persistence;
using CommunityOfPractice.Api.Data;
using CommunityOfPractice.Api.Infrastructure;
using CommunityOfPractice.Api.Live;
using CommunityOfPractice.Domain.Discussions;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CommunityOfPractice.Api.Features.Threads;

/// <summary>A member replies, optionally quoting an earlier post of the same thread.</summary>
public static class PostReply
{
    public sealed record Request(string Body, Guid? QuotedPostId);

    public sealed record Command(Reader Reader, Guid ThreadId, string Body, Guid? QuotedPostId, string? IdempotencyKey) : ICommand<PostView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Body).ThreadBody();
            RuleFor(c => c.IdempotencyKey).IdempotencyKey();
        }
    }

    internal sealed class Handler(AppDbContext db, UnitOfWork work, Idempotency idempotency, LiveStreams live, PostRenderer renderer, TimeProvider clock)
        : ICommandHandler<Command, PostView>
    {
        public async ValueTask<PostView> Handle(Command command, CancellationToken cancellationToken)
        {
            var html = await renderer.ToHtmlAsync(command.Body, cancellationToken);
            var (view, _) = await work.RunAsync(() => idempotency.RunAsync(command.Reader.MemberId, command.IdempotencyKey, async () =>
            {
                var now = clock.GetUtcNow();

                // Taking the next number locks the thread's row until commit: replies to one
                // thread queue here, and a locked thread takes none.
                var numbers = await db.Database.SqlQuery<int>($"""
                    UPDATE threads SET post_count = post_count + 1, last_activity_at = {now}
                    WHERE id = {command.ThreadId} AND NOT is_locked
                    RETURNING post_count AS "Value"
                    """).ToListAsync(cancellationToken);
                if (numbers.Count == 0)
                {
                    throw await db.Threads.AnyAsync(t => t.Id == command.ThreadId, cancellationToken)
                        ? new ConflictException("This thread is locked: it takes no new replies.")
                        : new NotFoundException("There is no such thread.");
                }

                if (command.QuotedPostId is { } quoted
                    && !await db.Posts.AnyAsync(p => p.Id == quoted && p.ThreadId == command.ThreadId, cancellationToken))
                {
                    throw new ValidationException([new ValidationFailure("QuotedPostId", "Quote a post from this thread.")]);
                }

                var post = Post.Write(command.ThreadId, numbers.Single(), command.Reader.MemberId, command.Body, html, command.QuotedPostId, now);
                db.Posts.Add(post);
                await db.SaveChangesAsync(cancellationToken);
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO thread_readers (thread_id, member_id, is_following, last_read_number)
                    VALUES ({command.ThreadId}, {command.Reader.MemberId}, TRUE, {post.Number})
                    ON CONFLICT (thread_id, member_id) DO UPDATE
                    SET last_read_number = GREATEST(thread_readers.last_read_number, EXCLUDED.last_read_number)
                    """, cancellationToken);

                var row = (await db.PostRowAsync(post.Id, cancellationToken))!;
                await live.AppendAsync(DiscussionThread.StreamName(command.ThreadId), EventKinds.PostAdded, row.ToView(Reader.Public), cancellationToken);
                return row.ToView(command.Reader);
            }, cancellationToken), cancellationToken);
            return view;
        }
    }
}
