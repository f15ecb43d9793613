using CommunityOfPractice.Contracts.Events;
using CommunityOfPractice.Domain.Events;

namespace CommunityOfPractice.Api.Features.Events;

/// <summary>The attendee list with answers: the event's hosts (and admins) only.</summary>
public static class ListAttendees
{
    public sealed record Query(Caller Caller, Guid EventId) : IQuery<IReadOnlyList<AttendeeRow>>;

    internal sealed class Handler(AppDbContext db) : IQueryHandler<Query, IReadOnlyList<AttendeeRow>>
    {
        public async ValueTask<IReadOnlyList<AttendeeRow>> Handle(Query query, CancellationToken cancellationToken)
        {
            var found = await db.VisibleEventAsync(query.EventId, query.Caller, cancellationToken);
            if (!query.Caller.MayManage(found))
            {
                throw new ForbiddenException("Only the event's hosts can see the attendee list.");
            }

            var rows = await db.Registrations.AsNoTracking()
                .Where(r => r.EventId == query.EventId && r.Status != RegistrationStatus.Cancelled)
                .OrderBy(r => r.Status).ThenBy(r => r.ArrivalNumber)
                .Join(db.Members, r => r.MemberId, m => m.Id, (r, m) => new
                {
                    r.MemberId,
                    m.DisplayName,
                    Email = db.Users.Where(u => u.Id == m.Id).Select(u => u.Email).First(),
                    Organisation = m.Organisation != null ? m.Organisation.Name : null,
                    Places = m.Places.OrderBy(p => p.Name).Select(p => p.Name).ToList(),
                    r.Status,
                    r.ArrivalNumber,
                    r.RegisteredAt,
                    r.IsListed,
                    r.Answers,
                })
                .ToListAsync(cancellationToken);
            return [.. rows.Select(r => new AttendeeRow(
                r.MemberId, r.DisplayName, r.Email ?? string.Empty, r.Organisation, r.Places, r.Status, r.ArrivalNumber, r.RegisteredAt, r.IsListed, r.Answers))];
        }
    }
}
