using CommunityOfPractice.Contracts.Common;
using CommunityOfPractice.Contracts.Events;
using CommunityOfPractice.Domain.Discussions;
using CommunityOfPractice.Domain.Events;

namespace CommunityOfPractice.Api.Features.Events;

/// <summary>Upcoming events soonest first, or past events latest first; drafts only to their hosts.</summary>
public static class ListEvents
{
    public const int MaxItems = 200;

    public sealed record Query(Caller Caller, EventWhen When, string? Tag, Guid? PlaceId) : IQuery<IReadOnlyList<EventSummary>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.When).IsInEnum().WithMessage("Ask for upcoming or past events.");
            RuleFor(q => q.Tag).MaximumLength(50).WithMessage("A tag has at most 50 characters.");
        }
    }

    internal sealed class Handler(AppDbContext db, TimeProvider clock) : IQueryHandler<Query, IReadOnlyList<EventSummary>>
    {
        public async ValueTask<IReadOnlyList<EventSummary>> Handle(Query query, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var me = query.Caller.Id;
            var events = db.Events.AsNoTracking();
            if (!query.Caller.IsAdmin)
            {
                events = events.Where(e => e.Status != EventStatus.Draft || e.HostId == me || e.CoHostIds.Contains(me));
            }

            if (!string.IsNullOrWhiteSpace(query.Tag))
            {
                var key = Hashtags.Key(query.Tag);
                events = events.Where(e => e.HashtagKeys.Contains(key));
            }

            if (query.PlaceId is { } placeId)
            {
                events = events.Where(e => e.Places.Any(p => p.Id == placeId));
            }

            events = query.When == EventWhen.Upcoming
                ? events.Where(e => e.EndsAt > now).OrderBy(e => e.StartsAt).ThenBy(e => e.Id)
                : events.Where(e => e.EndsAt <= now).OrderByDescending(e => e.StartsAt).ThenBy(e => e.Id);

            return await events.Take(MaxItems).Select(e => new EventSummary(
                e.Id, e.Title, e.Kind, e.Status, e.StartsAt, e.EndsAt, e.TimeZone, e.Venue,
                e.Places.OrderBy(p => p.Name).Select(p => new PlaceRef(p.Id, p.Name)).ToList(), e.Stage, e.Hashtags, e.Capacity,
                e.RegisteredCount,
                db.Registrations.Where(r => r.EventId == e.Id && r.MemberId == me).Select(r => (RegistrationStatus?)r.Status).FirstOrDefault()))
                .ToListAsync(cancellationToken);
        }
    }
}
