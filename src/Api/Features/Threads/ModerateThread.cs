using CommunityOfPractice.Api.Infrastructure.Audit;

namespace CommunityOfPractice.Api.Features.Threads;

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

    public sealed record Command(Caller Caller, Guid ThreadId, Change Change) : ICommand, ITransactional;

    internal sealed class Handler(AppDbContext db, LiveStreams live, AuditLog audit) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var thread = await db.Threads.SingleOrDefaultAsync(t => t.Id == command.ThreadId, cancellationToken)
                ?? throw new NotFoundException("There is no such thread.");
            var (changed, kind, action, apply) = command.Change switch
            {
                Change.Lock => (!thread.IsLocked, ThreadEventKinds.ThreadLocked, AuditActions.ThreadLocked, (Action)thread.Lock),
                Change.Unlock => (thread.IsLocked, ThreadEventKinds.ThreadUnlocked, AuditActions.ThreadUnlocked, thread.Unlock),
                Change.Pin => (!thread.IsPinned, ThreadEventKinds.ThreadPinned, AuditActions.ThreadPinned, thread.Pin),
                _ => (thread.IsPinned, ThreadEventKinds.ThreadUnpinned, AuditActions.ThreadUnpinned, thread.Unpin),
            };
            if (changed)
            {
                apply();
                audit.Record(command.Caller, thread.AuthorId, action, $"“{thread.Title}” ({thread.Id})");
                await live.AppendAsync(StreamNames.Thread(thread.Id), kind, new { threadId = thread.Id }, cancellationToken);
            }

            return Unit.Value;
        }
    }
}
