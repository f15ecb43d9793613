using CommunityOfPractice.Api.Data;
using CommunityOfPractice.Api.Infrastructure;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CommunityOfPractice.Api.Features.Threads;

/// <summary>Follow or unfollow a thread (followed threads have their own list).</summary>
public static class FollowThread
{
    public sealed record Command(Guid MemberId, Guid ThreadId, bool Follow) : ICommand;

    internal sealed class Handler(AppDbContext db) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            await ThreadExistsAsync(db, command.ThreadId, cancellationToken);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO thread_readers (thread_id, member_id, is_following, last_read_number)
                VALUES ({command.ThreadId}, {command.MemberId}, {command.Follow}, 0)
                ON CONFLICT (thread_id, member_id) DO UPDATE SET is_following = EXCLUDED.is_following
                """, cancellationToken);
            return Unit.Value;
        }
    }

    internal static async Task ThreadExistsAsync(AppDbContext db, Guid threadId, CancellationToken cancellationToken)
    {
        if (!await db.Threads.AnyAsync(t => t.Id == threadId, cancellationToken))
        {
            throw new NotFoundException("There is no such thread.");
        }
    }
}

/// <summary>
/// Remembers the last post a member has read, so a returning member sees "12 new replies" and
/// lands on the first unread. It only moves forward, even when requests arrive out of order.
/// </summary>
public static class MarkRead
{
    public sealed record Request(int Number);

    public sealed record Command(Guid MemberId, Guid ThreadId, int Number) : ICommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Number).GreaterThanOrEqualTo(0).WithMessage("A post number is 0 or more.");
    }

    internal sealed class Handler(AppDbContext db) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            await FollowThread.ThreadExistsAsync(db, command.ThreadId, cancellationToken);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO thread_readers (thread_id, member_id, is_following, last_read_number)
                SELECT id, {command.MemberId}, FALSE, LEAST({command.Number}, post_count) FROM threads WHERE id = {command.ThreadId}
                ON CONFLICT (thread_id, member_id) DO UPDATE
                SET last_read_number = GREATEST(thread_readers.last_read_number, EXCLUDED.last_read_number)
                """, cancellationToken);
            return Unit.Value;
        }
    }
}
