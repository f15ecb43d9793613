using CommunityOfPractice.Contracts.Common;
using CommunityOfPractice.Contracts.Events;
using CommunityOfPractice.Domain.Events;

namespace CommunityOfPractice.Api.Features.Events;

/// <summary>How an event and one member's registration read, for the caller asking.</summary>
internal static class EventProjection
{
    public static async Task<MyRegistration?> MyRegistrationAsync(this AppDbContext db, Guid eventId, Guid memberId, CancellationToken cancellationToken)
    {
        var mine = await db.Registrations.AsNoTracking().SingleOrDefaultAsync(r => r.EventId == eventId && r.MemberId == memberId, cancellationToken);
        if (mine is null)
        {
            return null;
        }

        int? position = mine.Status == RegistrationStatus.Waitlisted
            ? await db.Registrations.CountAsync(r => r.EventId == eventId && r.Status == RegistrationStatus.Waitlisted && r.ArrivalNumber <= mine.ArrivalNumber, cancellationToken)
            : null;
        return new MyRegistration(mine.Id, mine.Status, mine.ArrivalNumber, position, mine.Answers, mine.IsListed, mine.RegisteredAt, mine.PromotedAt, mine.Notice);
    }

    public static async Task<EventDetail> EventDetailAsync(this AppDbContext db, Guid eventId, Caller caller, TimeProvider clock, CancellationToken cancellationToken)
    {
        var e = await db.Events.AsNoTracking().Include(x => x.Places).SingleOrDefaultAsync(x => x.Id == eventId, cancellationToken);
        if (e is null || !caller.MaySee(e))
        {
            throw new NotFoundException("There is no such event.");
        }

        var mine = await db.MyRegistrationAsync(eventId, caller.Id, cancellationToken);
        var waitlist = await db.Registrations.CountAsync(r => r.EventId == eventId && r.Status == RegistrationStatus.Waitlisted, cancellationToken);
        var people = new[] { e.HostId }.Concat(e.CoHostIds).ToList();
        var names = await db.Members.AsNoTracking().Where(m => people.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.DisplayName, cancellationToken);
        var host = e.HostOrganisationId is { } organisationId
            ? await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId)
                .Select(o => new EventHostOrganisation(o.Id, o.Name, o.Slug)).SingleOrDefaultAsync(cancellationToken)
            : null;
        var qaLastSeq = await db.LastSeqAsync(StreamNames.Qa(eventId), cancellationToken);
        var manages = caller.MayManage(e);
        var seesLink = manages || mine?.Status == RegistrationStatus.Registered;
        var now = clock.GetUtcNow();
        var open = e.Status == EventStatus.Published && !e.HasEnded(now)
            && (e.RegistrationOpensAt is null || now >= e.RegistrationOpensAt) && (e.RegistrationClosesAt is null || now < e.RegistrationClosesAt);

        return new EventDetail(
            e.Id, e.Title, e.DescriptionHtml, manages ? e.DescriptionMarkdown : null, e.Kind, e.Status, e.StartsAt, e.EndsAt, e.TimeZone,
            e.Venue, seesLink ? e.OnlineUrl : null, e.OnlineUrl is not null,
            [.. e.Places.OrderBy(p => p.Name).Select(p => new PlaceRef(p.Id, p.Name))], e.Stage, e.Hashtags, e.Capacity, e.RegisteredCount,
            waitlist, e.RegistrationOpensAt, e.RegistrationClosesAt, open,
            new AuthorRef(e.HostId, names.GetValueOrDefault(e.HostId, "")),
            [.. e.CoHostIds.Select(id => new AuthorRef(id, names.GetValueOrDefault(id, "")))],
            e.RegistrationQuestions, e.CancelledAt, e.CancellationReason, e.ThreadId, manages, caller.MayModerateQa(e), mine,
            e.QaOpen, e.QaRequiresApproval, e.PinnedQuestionId, qaLastSeq, host);
    }
}
