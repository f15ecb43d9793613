namespace CommunityOfPractice.Api.Features.Threads;

/// <summary>
/// Remembers the last post a member has read, so a returning member sees "12 new replies" and
/// lands on the first unread. It only moves forward, even when requests arrive out of order.
/// </summary>
public static class MarkRead
{
    public sealed record Command(Caller Caller, Guid ThreadId, int Number) : ICommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Number).GreaterThanOrEqualTo(0).WithMessage("A post number is 0 or more.");
    }

    internal sealed class Handler(AppDbContext db) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            await db.EnsureThreadExistsAsync(command.ThreadId, cancellationToken);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO thread_readers (thread_id, member_id, is_following, last_read_number)
                SELECT id, {command.Caller.Id}, FALSE, LEAST({command.Number}, post_count) FROM threads WHERE id = {command.ThreadId}
                ON CONFLICT (thread_id, member_id) DO UPDATE
                SET last_read_number = GREATEST(thread_readers.last_read_number, EXCLUDED.last_read_number)
                """, cancellationToken);
            return Unit.Value;
        }
    }
}
