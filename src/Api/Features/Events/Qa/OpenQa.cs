using CommunityOfPractice.Contracts.Events.Qa;

namespace CommunityOfPractice.Api.Features.Events.Qa;

/// <summary>Hosts open the Q&amp;A (optionally with pre-moderation) and close it.</summary>
public static class OpenQa
{

    public sealed record Command(Caller Caller, Guid EventId, bool Open, bool RequireApproval) : ICommand<QaState>, ITransactional;

    internal sealed class Handler(AppDbContext db, LiveStreams live, ISender sender) : ICommandHandler<Command, QaState>
    {
        public async ValueTask<QaState> Handle(Command command, CancellationToken cancellationToken)
        {
            var found = await db.LockEventAsync(command.EventId, command.Caller, cancellationToken);
            if (!command.Caller.MayModerateQa(found))
            {
                throw new ForbiddenException("Only the event's hosts and moderators run its Q&A.");
            }

            if (command.Open)
            {
                found.OpenQa(command.RequireApproval);
            }
            else
            {
                found.CloseQa();
            }

            await live.AppendAsync(StreamNames.Qa(found.Id), command.Open ? QaEventKinds.QaOpened : QaEventKinds.QaClosed,
                new { open = found.QaOpen, requiresApproval = found.QaRequiresApproval }, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return await sender.Send(new GetQa.Query(command.Caller, command.EventId, QuestionOrder.Votes), cancellationToken);
        }
    }
}
