namespace CommunityOfPractice.Api.Features.Threads;

/// <summary>Follow or unfollow a thread (followed threads have their own list).</summary>
public static class FollowThread
{
    public sealed record Command(Caller Caller, Guid ThreadId, bool Follow) : ICommand;

    internal sealed class Handler(AppDbContext db) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            await db.EnsureThreadExistsAsync(command.ThreadId, cancellationToken);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO thread_readers (thread_id, member_id, is_following, last_read_number)
                VALUES ({command.ThreadId}, {command.Caller.Id}, {command.Follow}, 0)
                ON CONFLICT (thread_id, member_id) DO UPDATE SET is_following = EXCLUDED.is_following
                """, cancellationToken);
            return Unit.Value;
        }
    }
}
