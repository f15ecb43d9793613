using CommunityOfPractice.Api.Live;
using Microsoft.Extensions.Options;
using CommunityOfPractice.Api.Notifications;
using CommunityOfPractice.Domain.Notifications;
using CommunityOfPractice.Contracts.Events;
using CommunityOfPractice.Domain.Events;

namespace CommunityOfPractice.Api.Features.Events;

/// <summary>The event's hosts edit it. Capacity may not drop below the seats taken; a larger one promotes from the waitlist.</summary>
public static class EditEvent
{
    public sealed record Command(Caller Caller, Guid EventId, EventRequest Request) : ICommand<EventDetail>, ITransactional;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Request).Custom(EventRequestValidator.Check);
    }

    /// <summary>Times are compared to the second: a form sends back what it was given, stored to the microsecond.</summary>
    private static bool Moved(
        (DateTimeOffset Starts, DateTimeOffset Ends, string? Venue, string? Online) before,
        (DateTimeOffset Starts, DateTimeOffset Ends, string? Venue, string? Online) after) =>
        Math.Abs((before.Starts - after.Starts).TotalSeconds) >= 1 || Math.Abs((before.Ends - after.Ends).TotalSeconds) >= 1
        || before.Venue != after.Venue || before.Online != after.Online;

    internal sealed class Handler(AppDbContext db, MarkdownRenderer markdown, Notifier notifier, IOptions<EventReminderOptions> reminders, IConfiguration configuration, TimeProvider clock)
        : ICommandHandler<Command, EventDetail>
    {
        public async ValueTask<EventDetail> Handle(Command command, CancellationToken cancellationToken)
        {
            var existing = await db.ManagedEventAsync(command.EventId, command.Caller, cancellationToken, withPlaces: true);
            var (details, places) = await EventRequestDetails.DetailsAsync(db, markdown, command.Request, command.Caller, existing.HostOrganisationId, cancellationToken);
            var before = (existing.StartsAt, existing.EndsAt, existing.Venue, existing.OnlineUrl);
            var coHostsBefore = existing.CoHostIds.ToList();
            existing.Edit(details, places);
            var now = clock.GetUtcNow();
            // A co-host taken off the event stops hearing its Q&A moderation stream within seconds.
            await AccessRecheck.MarkChangedAsync(db, coHostsBefore.Except(existing.CoHostIds), now, cancellationToken);
            while (existing.HasFreeSeat && existing.Status == EventStatus.Published)
            {
                var waiting = await db.FirstWaitingAsync(existing.Id, cancellationToken);
                if (waiting is null || existing.Promote(waiting, now) is null)
                {
                    break;
                }

                await db.SaveChangesAsync(cancellationToken);
                notifier.NotifySeated(existing, NotificationKind.EventUpdate, [waiting.MemberId], $"A seat came free for you at “{existing.Title}”",
                    $"The event has more seats now, and one is yours. {EventNotifications.When(existing)}, {EventNotifications.Where(existing)}.", command.Caller.Id, configuration);
            }

            // A change of time or place reaches everyone registered, with the updated calendar entry;
            // a reworded description does not. Reminders move with the time.
            if (existing.Status == EventStatus.Published && Moved(before, (existing.StartsAt, existing.EndsAt, existing.Venue, existing.OnlineUrl)))
            {
                await notifier.NotifyRegistrantsAsync(db, existing, $"“{existing.Title}” has changed",
                    $"Now {EventNotifications.When(existing)}, {EventNotifications.Where(existing)}.", command.Caller.Id, configuration, cancellationToken);
                await EventReminders.ScheduleAsync(db, existing, reminders.Value, now, cancellationToken);
            }
            await db.SaveChangesAsync(cancellationToken);
            return await db.EventDetailAsync(command.EventId, command.Caller, clock, cancellationToken);
        }
    }
}
