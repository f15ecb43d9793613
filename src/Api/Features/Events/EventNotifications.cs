using CommunityOfPractice.Api.Notifications;
using CommunityOfPractice.Domain.Events;
using CommunityOfPractice.Domain.Notifications;

namespace CommunityOfPractice.Api.Features.Events;

/// <summary>
/// What registrants hear of their event: a seat that came free, a change of time or place, a
/// cancellation, and reminders. Each email carries the event's calendar entry; the online link
/// (in the text and in the entry) goes only to people with a seat, never to the waitlist.
/// </summary>
internal static class EventNotifications
{
    public static async Task NotifyRegistrantsAsync(
        this Notifier notifier, AppDbContext db, CommunityEvent e, string title, string text, Guid actor, IConfiguration configuration,
        CancellationToken cancellationToken)
    {
        var registered = await db.Registrations.AsNoTracking()
            .Where(r => r.EventId == e.Id && r.Status != RegistrationStatus.Cancelled)
            .Select(r => new { r.MemberId, r.Status }).ToListAsync(cancellationToken);
        var seated = registered.Where(r => r.Status == RegistrationStatus.Registered).Select(r => r.MemberId).ToList();
        var waiting = registered.Where(r => r.Status == RegistrationStatus.Waitlisted).Select(r => r.MemberId).ToList();
        notifier.NotifySeated(e, NotificationKind.EventUpdate, seated, title, text, actor, configuration);
        notifier.Notify(NotificationKind.EventUpdate, waiting, Message(e, title, text, withLink: false, configuration), actor);
    }

    public static void NotifySeated(
        this Notifier notifier, CommunityEvent e, NotificationKind kind, IReadOnlyCollection<Guid> seated, string title, string text, Guid? actor,
        IConfiguration configuration) =>
        notifier.Notify(kind, seated, Message(e, title, text, withLink: true, configuration), actor);

    /// <summary>When it starts, in the event's own zone ("Tuesday 4 November 2026, 12:30").</summary>
    public static string When(CommunityEvent e) =>
        $"{TimeZoneInfo.ConvertTime(e.StartsAt, TimeZoneInfo.FindSystemTimeZoneById(e.TimeZone)):dddd d MMMM yyyy, HH:mm}";

    public static string Where(CommunityEvent e) => e.Venue ?? (e.OnlineUrl is null ? "place to be confirmed" : "online");

    private static NotificationMessage Message(CommunityEvent e, string title, string text, bool withLink, IConfiguration configuration)
    {
        var online = withLink && e.OnlineUrl is { } url && e.Status != EventStatus.Cancelled ? $" Join online: {url}" : string.Empty;
        return new NotificationMessage(title, text + online, $"/Events/{e.Id}")
        {
            Calendar = EventCalendar.Entry(e, EventCalendar.WebBaseUrl(configuration), withLink),
        };
    }
}
