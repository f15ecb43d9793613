using CommunityOfPractice.Contracts.Common;
using CommunityOfPractice.Api.Data;
using CommunityOfPractice.Api.Features.Threads;
using CommunityOfPractice.Api.Infrastructure;
using CommunityOfPractice.Domain.Discussions;
using CommunityOfPractice.Domain.Events;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CommunityOfPractice.Api.Features.Events;

public enum EventWhen
{
    Upcoming,
    Past,
}

public sealed record PlaceCount(string Name, int Count);

public sealed record ListedAttendee(Guid MemberId, string DisplayName, string? Organisation);

/// <summary>Who is coming: counts by place and organisation, and the names of those who chose to be listed.</summary>
public sealed record Attendance(int Registered, IReadOnlyList<PlaceCount> Places, IReadOnlyList<PlaceCount> Organisations, IReadOnlyList<ListedAttendee> Listed);

public sealed record AttendeeRow(
    Guid MemberId, string DisplayName, string Email, string? Organisation, IReadOnlyList<string> Places, RegistrationStatus Status,
    long ArrivalNumber, DateTimeOffset RegisteredAt, bool IsListed, IReadOnlyList<string> Answers);

/// <summary>Upcoming events soonest first, or past events latest first; drafts only to their hosts.</summary>
public static class ListEvents
{
    public const int MaxItems = 200;

    public sealed record Query(Viewer Viewer, EventWhen When, string? Tag, Guid? PlaceId) : IQuery<IReadOnlyList<EventSummary>>;

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
            var me = query.Viewer.MemberId;
            var events = db.Events.AsNoTracking();
            if (!query.Viewer.IsAdmin)
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

public static class GetEvent
{
    public sealed record Query(Viewer Viewer, Guid EventId) : IQuery<EventDetail>;

    internal sealed class Handler(AppDbContext db, TimeProvider clock) : IQueryHandler<Query, EventDetail>
    {
        public async ValueTask<EventDetail> Handle(Query query, CancellationToken cancellationToken) =>
            await db.EventDetailAsync(query.EventId, query.Viewer, clock, cancellationToken);
    }
}

/// <summary>Which places and organisations are coming (seats taken only), for anyone who can see the event.</summary>
public static class GetAttendance
{
    public sealed record Query(Viewer Viewer, Guid EventId) : IQuery<Attendance>;

    internal sealed class Handler(AppDbContext db) : IQueryHandler<Query, Attendance>
    {
        public async ValueTask<Attendance> Handle(Query query, CancellationToken cancellationToken)
        {
            await db.VisibleEventAsync(query.EventId, query.Viewer, cancellationToken);
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

/// <summary>The attendee list with answers: the event's hosts (and admins) only.</summary>
public static class ListAttendees
{
    public sealed record Query(Viewer Viewer, Guid EventId) : IQuery<IReadOnlyList<AttendeeRow>>;

    internal sealed class Handler(AppDbContext db) : IQueryHandler<Query, IReadOnlyList<AttendeeRow>>
    {
        public async ValueTask<IReadOnlyList<AttendeeRow>> Handle(Query query, CancellationToken cancellationToken)
        {
            var found = await db.VisibleEventAsync(query.EventId, query.Viewer, cancellationToken);
            if (!query.Viewer.Manages(found))
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
