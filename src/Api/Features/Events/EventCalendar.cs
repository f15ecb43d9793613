using CommunityOfPractice.Domain.Events;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using EventStatus = CommunityOfPractice.Domain.Events.EventStatus;

namespace CommunityOfPractice.Api.Features.Events;

/// <summary>
/// iCalendar for events (RFC 5545, made with Ical.Net). Times are written in the event's own
/// zone with its VTIMEZONE, so calendars show 12:30 London time whatever the season.
/// </summary>
internal static class EventCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    /// <summary>Where an event's page is, for the link in each calendar entry.</summary>
    public static string WebBaseUrl(IConfiguration configuration) =>
        (configuration["Web:BaseUrl"] ?? "http://localhost:5080").Split(';')[0];

    public static string Write(IEnumerable<CommunityEvent> events, string webBaseUrl, string name) =>
        Write(events, webBaseUrl, name, method: null, withOnlineLink: _ => false);

    /// <summary>
    /// The entry an email about one event carries: METHOD:REQUEST (added or changed; calendars
    /// replace the entry with the same UID and a higher SEQUENCE) or METHOD:CANCEL. The online
    /// link is written only into the entry of someone with a seat.
    /// </summary>
    public static string Entry(CommunityEvent e, string webBaseUrl, bool withOnlineLink) =>
        Write([e], webBaseUrl, e.Title, e.Status == EventStatus.Cancelled ? "CANCEL" : "REQUEST", _ => withOnlineLink);

    private static string Write(IEnumerable<CommunityEvent> events, string webBaseUrl, string name, string? method, Func<CommunityEvent, bool> withOnlineLink)
    {
        var calendar = new Calendar { ProductId = "-//Community of Practice//Events//EN" };
        if (method is not null)
        {
            calendar.Method = method;
        }

        calendar.AddProperty("X-WR-CALNAME", name);
        foreach (var zone in events.Select(e => e.TimeZone).Distinct())
        {
            calendar.AddTimeZone(zone);
        }

        foreach (var e in events)
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(e.TimeZone);
            var item = new CalendarEvent
            {
                Uid = $"{e.Id}@communityofpractice.org.uk",
                Summary = e.Title,
                Description = Description(e, withOnlineLink(e)),
                Sequence = e.Revision,
                Start = Local(e.StartsAt, zone, e.TimeZone),
                End = Local(e.EndsAt, zone, e.TimeZone),
                Location = e.Venue ?? (e.OnlineUrl is null ? null : "Online"),
                Url = new Uri($"{webBaseUrl.TrimEnd('/')}/Events/{e.Id}"),
                Status = e.Status == EventStatus.Cancelled ? Ical.Net.EventStatus.Cancelled : Ical.Net.EventStatus.Confirmed,
                DtStamp = new CalDateTime(DateTime.UtcNow),
            };
            calendar.Events.Add(item);
        }

        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    /// <summary>Plain text, as calendars show it: the description without its Markdown, then the online link for those with a seat.</summary>
    private static string Description(CommunityEvent e, bool withOnlineLink)
    {
        var text = Markdig.Markdown.ToPlainText(e.DescriptionMarkdown).Trim();
        if (e.Status == EventStatus.Cancelled && e.CancellationReason is { } reason)
        {
            text = $"Cancelled: {reason}\n\n{text}";
        }

        return withOnlineLink && e.OnlineUrl is { } url ? $"{text}\n\nJoin online: {url}" : text;
    }

    private static CalDateTime Local(DateTimeOffset instant, TimeZoneInfo zone, string zoneId) =>
        new(DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(instant, zone).DateTime, DateTimeKind.Unspecified), zoneId);
}
