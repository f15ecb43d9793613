using System.Security.Cryptography;
using System.Text;
using CommunityOfPractice.Api.Data;
using CommunityOfPractice.Api.Infrastructure;
using CommunityOfPractice.Domain.Events;
using Ical.Net;
using EventStatus = CommunityOfPractice.Domain.Events.EventStatus;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CommunityOfPractice.Api.Features.Events;

/// <summary>
/// iCalendar for events (RFC 5545, made with Ical.Net). Times are written in the event's own
/// zone with its VTIMEZONE, so calendars show 12:30 London time whatever the season.
/// </summary>
internal static class EventCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static string Write(IEnumerable<CommunityEvent> events, string webBaseUrl, string name)
    {
        var calendar = new Calendar { ProductId = "-//Community of Practice//Events//EN" };
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
                Description = e.DescriptionMarkdown,
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

    private static CalDateTime Local(DateTimeOffset instant, TimeZoneInfo zone, string zoneId) =>
        new(DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(instant, zone).DateTime, DateTimeKind.Unspecified), zoneId);
}

/// <summary>One event as an .ics file, for anyone who may see the event.</summary>
public static class GetEventCalendar
{
    public sealed record Query(Viewer Viewer, Guid EventId) : IQuery<string>;

    internal sealed class Handler(AppDbContext db, IConfiguration configuration) : IQueryHandler<Query, string>
    {
        public async ValueTask<string> Handle(Query query, CancellationToken cancellationToken)
        {
            var found = await db.VisibleEventAsync(query.EventId, query.Viewer, cancellationToken);
            return EventCalendar.Write([found], configuration.WebBaseUrl(), found.Title);
        }
    }
}

/// <summary>
/// A member's personal feed: the events they hold a seat or waitlist place for. The address
/// carries a secret token (calendar apps cannot sign in); only its hash is stored, and asking
/// for a new address retires the old one.
/// </summary>
public static class CalendarFeeds
{
    public sealed record FeedAddress(string Url, string Token);

    public sealed record Rotate(Guid MemberId) : ICommand<FeedAddress>;

    public sealed record Read(string Token) : IQuery<string>;

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    internal sealed class RotateHandler(AppDbContext db, IConfiguration configuration, TimeProvider clock) : ICommandHandler<Rotate, FeedAddress>
    {
        public async ValueTask<FeedAddress> Handle(Rotate command, CancellationToken cancellationToken)
        {
            var token = Base64Url(RandomNumberGenerator.GetBytes(32));
            var existing = await db.CalendarFeeds.SingleOrDefaultAsync(f => f.MemberId == command.MemberId, cancellationToken);
            if (existing is null)
            {
                db.CalendarFeeds.Add(new CalendarFeed { MemberId = command.MemberId, TokenHash = Hash(token), CreatedAt = clock.GetUtcNow() });
            }
            else
            {
                existing.TokenHash = Hash(token);
                existing.CreatedAt = clock.GetUtcNow();
            }

            await db.SaveChangesAsync(cancellationToken);
            var api = (configuration["Api:PublicUrl"] ?? string.Empty).TrimEnd('/');
            return new FeedAddress($"{api}/api/v1/calendar/{token}.ics", token);
        }

        private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    internal sealed class ReadHandler(AppDbContext db, IConfiguration configuration) : IQueryHandler<Read, string>
    {
        public async ValueTask<string> Handle(Read query, CancellationToken cancellationToken)
        {
            var hash = Hash(query.Token);
            var memberId = await db.CalendarFeeds.AsNoTracking().Where(f => f.TokenHash == hash).Select(f => (Guid?)f.MemberId)
                .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("There is no such calendar feed.");
            var events = await db.Events.AsNoTracking()
                .Where(e => e.Status != EventStatus.Draft && db.Registrations.Any(r =>
                    r.EventId == e.Id && r.MemberId == memberId && r.Status != RegistrationStatus.Cancelled))
                .OrderBy(e => e.StartsAt).Take(500).ToListAsync(cancellationToken);
            return EventCalendar.Write(events, configuration.WebBaseUrl(), "Community of Practice: my events");
        }
    }

    internal static string WebBaseUrl(this IConfiguration configuration) =>
        (configuration["Web:BaseUrl"] ?? "http://localhost:5080").Split(';')[0];
}
