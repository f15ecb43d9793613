using CommunityOfPractice.Domain.Events;

namespace CommunityOfPractice.Api.Features.Events;

/// <summary>A calendar app reads a member's feed by its secret address: the events they are registered or waitlisted for, as iCalendar.</summary>
public static class ReadCalendarFeed
{
    public sealed record Query(string Token) : IQuery<string>;

    internal sealed class Handler(AppDbContext db, IConfiguration configuration) : IQueryHandler<Query, string>
    {
        public async ValueTask<string> Handle(Query query, CancellationToken cancellationToken)
        {
            var hash = CalendarFeedToken.Hash(query.Token);
            var memberId = await db.CalendarFeeds.AsNoTracking().Where(f => f.TokenHash == hash).Select(f => (Guid?)f.MemberId)
                .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("There is no such calendar feed.");
            var events = await db.Events.AsNoTracking()
                .Where(e => e.Status != EventStatus.Draft && db.Registrations.Any(r =>
                    r.EventId == e.Id && r.MemberId == memberId && r.Status != RegistrationStatus.Cancelled))
                .OrderBy(e => e.StartsAt).Take(500).ToListAsync(cancellationToken);
            return EventCalendar.Write(events, EventCalendar.WebBaseUrl(configuration), "Community of Practice: my events");
        }
    }
}
