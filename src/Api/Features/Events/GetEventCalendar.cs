namespace CommunityOfPractice.Api.Features.Events;

/// <summary>One event as an .ics file, for anyone who may see the event.</summary>
public static class GetEventCalendar
{
    public sealed record Query(Caller Caller, Guid EventId) : IQuery<string>;

    internal sealed class Handler(AppDbContext db, IConfiguration configuration) : IQueryHandler<Query, string>
    {
        public async ValueTask<string> Handle(Query query, CancellationToken cancellationToken)
        {
            var found = await db.VisibleEventAsync(query.EventId, query.Caller, cancellationToken);
            return EventCalendar.Write([found], EventCalendar.WebBaseUrl(configuration), found.Title);
        }
    }
}
