using CommunityOfPractice.Contracts.Events;
using CommunityOfPractice.Domain.Events;

namespace CommunityOfPractice.Api.Features.Events;

/// <summary>
/// A member asks for the secret address of their calendar feed (the events they hold a seat or
/// waitlist place for); asking again retires the old address.
/// </summary>
public static class RotateCalendarFeed
{
    public sealed record Command(Caller Caller) : ICommand<CalendarFeedAddress>;

    internal sealed class Handler(AppDbContext db, IConfiguration configuration, TimeProvider clock) : ICommandHandler<Command, CalendarFeedAddress>
    {
        public async ValueTask<CalendarFeedAddress> Handle(Command command, CancellationToken cancellationToken)
        {
            var memberId = command.Caller.Id;
            var token = CalendarFeedToken.New();
            var existing = await db.CalendarFeeds.SingleOrDefaultAsync(f => f.MemberId == memberId, cancellationToken);
            if (existing is null)
            {
                db.CalendarFeeds.Add(new CalendarFeed { MemberId = memberId, TokenHash = CalendarFeedToken.Hash(token), CreatedAt = clock.GetUtcNow() });
            }
            else
            {
                existing.TokenHash = CalendarFeedToken.Hash(token);
                existing.CreatedAt = clock.GetUtcNow();
            }

            await db.SaveChangesAsync(cancellationToken);
            var api = (configuration["Api:PublicUrl"] ?? string.Empty).TrimEnd('/');
            return new CalendarFeedAddress($"{api}/api/v1/calendar/{token}.ics", token);
        }
    }
}
