using CommunityOfPractice.Contracts.Events;
using CommunityOfPractice.Domain.Events;

namespace CommunityOfPractice.Api.Features.Events;

/// <summary>A member withdraws; a freed seat goes at once to the first person waiting.</summary>
public static class CancelRegistration
{
    public sealed record Command(Caller Caller, Guid EventId) : ICommand<MyRegistration>, ITransactional;

    internal sealed class Handler(AppDbContext db, TimeProvider clock, ILogger<Handler> logger)
        : ICommandHandler<Command, MyRegistration>
    {
        public async ValueTask<MyRegistration> Handle(Command command, CancellationToken cancellationToken)
        {
            var found = await db.LockEventAsync(command.EventId, command.Caller, cancellationToken);
            var mine = await db.Registrations.SingleOrDefaultAsync(
                r => r.EventId == found.Id && r.MemberId == command.Caller.Id, cancellationToken)
                ?? throw new NotFoundException("You are not registered for this event.");
            var waiting = mine.Status == RegistrationStatus.Registered ? await db.FirstWaitingAsync(found.Id, cancellationToken) : null;
            if (found.CancelRegistration(mine, waiting, clock.GetUtcNow()) is { } promoted)
            {
                // No email yet: the promoted member sees the notice on their registration.
                logger.LogInformation("Member {MemberId} moved from the waitlist of event {EventId} to a seat", promoted.MemberId, found.Id);
            }
            await db.SaveChangesAsync(cancellationToken);
            return (await db.MyRegistrationAsync(command.EventId, command.Caller.Id, cancellationToken))!;
        }
    }
}
