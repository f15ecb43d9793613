using System.Security.Cryptography;
using System.Text;
using CommunityOfPractice.Api.Data;
using CommunityOfPractice.Api.Infrastructure;
using CommunityOfPractice.Contracts.Events;
using CommunityOfPractice.Domain.Events;
using EventStatus = CommunityOfPractice.Domain.Events.EventStatus;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CommunityOfPractice.Api.Features.Events;

/// <summary>
/// A member's personal feed: the events they hold a seat or waitlist place for. The address
/// carries a secret token (calendar apps cannot sign in); only its hash is stored, and asking
/// for a new address retires the old one.
/// </summary>
public static class CalendarFeeds
{

    public sealed record Rotate(Guid MemberId) : ICommand<CalendarFeedAddress>;

    public sealed record Read(string Token) : IQuery<string>;

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    internal sealed class RotateHandler(AppDbContext db, IConfiguration configuration, TimeProvider clock) : ICommandHandler<Rotate, CalendarFeedAddress>
    {
        public async ValueTask<CalendarFeedAddress> Handle(Rotate command, CancellationToken cancellationToken)
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
            return new CalendarFeedAddress($"{api}/api/v1/calendar/{token}.ics", token);
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
