using Microsoft.Extensions.Options;
using CommunityOfPractice.Api.Notifications;
using CommunityOfPractice.Contracts.Community;
using CommunityOfPractice.Contracts.Events;
using CommunityOfPractice.Domain.Discussions;

namespace CommunityOfPractice.Api.Features.Events;

/// <summary>
/// Hosts publish a draft (members can then see it and register). Publishing also opens the
/// event's discussion thread, so people can talk before and after.
/// </summary>
public static class PublishEvent
{
    public sealed record Command(Caller Caller, Guid EventId) : ICommand<EventDetail>, ITransactional;

    internal sealed class Handler(AppDbContext db, LiveStreams live, MarkdownRenderer markdown, Notifier notifier, IOptions<EventReminderOptions> reminders, TimeProvider clock)
        : ICommandHandler<Command, EventDetail>
    {
        public async ValueTask<EventDetail> Handle(Command command, CancellationToken cancellationToken)
        {
            var found = await db.ManagedEventAsync(command.EventId, command.Caller, cancellationToken, withPlaces: true);
            var now = clock.GetUtcNow();
            found.Publish(now);
            if (found.ThreadId is null)
            {
                var opening = $"Talk about **{found.Title}** here, before and after the event.";
                var thread = DiscussionThread.Start(found.Title, opening, found.HostId, [.. found.Places], found.Stage, now);
                var post = Post.Write(thread.Id, 1, found.HostId, opening, markdown.ToHtml(opening), null, now);
                db.AddRange(thread, post);
                found.AttachThread(thread.Id);
            }
            await db.SaveChangesAsync(cancellationToken);
            await EventReminders.ScheduleAsync(db, found, reminders.Value, now, cancellationToken);
            var arrivedIn = await live.AppendToPlacesAsync(db, found.Places.Select(p => p.Id), PlaceStreams.EventPublished,
                new PlaceArrival(found.Id, found.Title, found.Stage is { } stage ? [stage] : []), cancellationToken);
            var when = TimeZoneInfo.ConvertTime(found.StartsAt, TimeZoneInfo.FindSystemTimeZoneById(found.TimeZone));
            await notifier.NotifyPlaceFollowersAsync(arrivedIn,
                new NotificationMessage($"New event: “{found.Title}”",
                    $"{when:dddd d MMMM yyyy, HH:mm} in {string.Join(", ", found.Places.Select(p => p.Name))}", $"/Events/{found.Id}"),
                command.Caller.Id, cancellationToken);
            return await db.EventDetailAsync(command.EventId, command.Caller, clock, cancellationToken);
        }
    }
}
