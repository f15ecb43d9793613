using CommunityOfPractice.Api.Notifications;
using CommunityOfPractice.Domain.Notifications;
using CommunityOfPractice.Contracts.Events;
using CommunityOfPractice.Domain.Events;

namespace CommunityOfPractice.Api.Features.Events;

/// <summary>A member withdraws; a freed seat goes at once to the first person waiting.</summary>
public static class CancelRegistration
{
    public sealed record Command(Caller Caller, Guid EventId) : ICommand<MyRegistration>, ITransactional;

    internal sealed class Handler(AppDbContext db, Notifier notifier, IConfiguration configuration, TimeProvider clock)
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
                notifier.NotifySeated(found, NotificationKind.EventUpdate, [promoted.MemberId], $"A seat came free for you at “{found.Title}”",
                    $"You had a place on the waitlist; now you have a seat. {EventNotifications.When(found)}, {EventNotifications.Where(found)}.", null, configuration);
            }
            await db.SaveChangesAsync(cancellationToken);
            return (await db.MyRegistrationAsync(command.EventId, command.Caller.Id, cancellationToken))!;
        }
    }
}
