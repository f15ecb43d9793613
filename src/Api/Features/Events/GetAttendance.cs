using CommunityOfPractice.Contracts.Events;
using CommunityOfPractice.Domain.Events;

namespace CommunityOfPractice.Api.Features.Events;

/// <summary>Which places and organisations are coming (seats taken only), for anyone who can see the event.</summary>
public static class GetAttendance
{
    public sealed record Query(Caller Caller, Guid EventId) : IQuery<Attendance>;

    internal sealed class Handler(AppDbContext db) : IQueryHandler<Query, Attendance>
    {
        public async ValueTask<Attendance> Handle(Query query, CancellationToken cancellationToken)
        {
            await db.VisibleEventAsync(query.EventId, query.Caller, cancellationToken);
            var coming = db.Registrations.AsNoTracking()
                .Where(r => r.EventId == query.EventId && r.Status == RegistrationStatus.Registered);
            var members = db.Members.AsNoTracking().Where(m => coming.Any(r => r.MemberId == m.Id));

            // A few hundred attendees at most: their place names are grouped here rather than in SQL.
            var placeNames = await members.Select(m => m.Places.Select(p => p.Name).ToList()).ToListAsync(cancellationToken);
            var places = placeNames.SelectMany(names => names).GroupBy(name => name)
                .Select(g => new PlaceCount(g.Key, g.Count())).OrderByDescending(p => p.Count).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();
            var organisationNames = await members.Where(m => m.Organisation != null).Select(m => m.Organisation!.Name).ToListAsync(cancellationToken);
            var organisations = organisationNames.GroupBy(name => name)
                .Select(g => new PlaceCount(g.Key, g.Count())).OrderByDescending(p => p.Count).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();
            var listed = await coming.Where(r => r.IsListed)
                .Join(db.Members, r => r.MemberId, m => m.Id, (r, m) => m)
                .OrderBy(m => m.DisplayName)
                .Select(m => new ListedAttendee(m.Id, m.DisplayName, m.Organisation != null ? m.Organisation.Name : null))
                .ToListAsync(cancellationToken);
            return new Attendance(await coming.CountAsync(cancellationToken), places, organisations, listed);
        }
    }
}
