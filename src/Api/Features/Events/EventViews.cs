using CommunityOfPractice.Contracts.Common;
using CommunityOfPractice.Contracts;
using System.Security.Claims;
using CommunityOfPractice.Api.Data;
using CommunityOfPractice.Api.Live;
using CommunityOfPractice.Api.Features.Threads;
using CommunityOfPractice.Api.Infrastructure;
using CommunityOfPractice.Domain.Community;
using CommunityOfPractice.Domain.Events;
using Microsoft.EntityFrameworkCore;

namespace CommunityOfPractice.Api.Features.Events;

/// <summary>Who is looking at an event: hosts, co-hosts and admins manage it; moderators also moderate its Q&amp;A.</summary>
public sealed record Viewer(Guid MemberId, bool IsAdmin, bool IsModerator, bool IsHostRole)
{
    public static Viewer From(ClaimsPrincipal user) => new(
        user.MemberId(), user.IsInRole(Roles.Admin), user.IsInRole(Roles.Moderator), user.IsInRole(Roles.Host));

    public bool Manages(CommunityEvent e) => IsAdmin || e.IsHost(MemberId);

    public bool Moderates(CommunityEvent e) => Manages(e) || IsModerator;

    /// <summary>Drafts are the hosts' business; everyone else learns nothing about them (404).</summary>
    public bool CanSee(CommunityEvent e) => e.Status != EventStatus.Draft || Manages(e);
}

public sealed record MyRegistration(
    Guid Id, RegistrationStatus Status, long ArrivalNumber, int? WaitlistPosition, IReadOnlyList<string> Answers, bool IsListed,
    DateTimeOffset RegisteredAt, DateTimeOffset? PromotedAt, string? Notice);

public sealed record EventSummary(
    Guid Id, string Title, EventKind Kind, EventStatus Status, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string TimeZone,
    string? Venue, IReadOnlyList<PlaceRef> Places, FrameworkStage? Stage, IReadOnlyList<string> Hashtags, int? Capacity,
    int RegisteredCount, RegistrationStatus? MyStatus);

public sealed record EventDetail(
    Guid Id, string Title, string DescriptionHtml, string? DescriptionMarkdown, EventKind Kind, EventStatus Status,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, string TimeZone, string? Venue, string? OnlineUrl, bool HasOnlineLink,
    IReadOnlyList<PlaceRef> Places, FrameworkStage? Stage, IReadOnlyList<string> Hashtags, int? Capacity, int RegisteredCount,
    int WaitlistCount, DateTimeOffset? RegistrationOpensAt, DateTimeOffset? RegistrationClosesAt, bool RegistrationOpen,
    AuthorRef Host, IReadOnlyList<AuthorRef> CoHosts, IReadOnlyList<string> RegistrationQuestions, DateTimeOffset? CancelledAt,
    string? CancellationReason, Guid? ThreadId, bool CanManage, bool CanModerate, MyRegistration? MyRegistration,
    bool QaOpen, bool QaRequiresApproval, Guid? PinnedQuestionId, long QaLastSeq);

internal static class EventReads
{
    /// <summary>Loads an event the viewer may see, else 404 (drafts of others do not exist for them).</summary>
    public static async Task<CommunityEvent> VisibleEventAsync(this AppDbContext db, Guid eventId, Viewer viewer, CancellationToken cancellationToken)
    {
        var found = await db.Events.AsNoTracking().SingleOrDefaultAsync(e => e.Id == eventId, cancellationToken);
        return found is not null && viewer.CanSee(found) ? found : throw new NotFoundException("There is no such event.");
    }

    /// <summary>
    /// Takes the event's row lock for the rest of the transaction, then loads it tracked. Every
    /// change to seats or the Q&amp;A state goes through here, so concurrent requests queue on the row.
    /// </summary>
    public static async Task<CommunityEvent> LockEventAsync(
        this AppDbContext db, Guid eventId, Viewer viewer, CancellationToken cancellationToken, bool withPlaces = false)
    {
        // One round trip: the row comes back locked (FOR UPDATE in the sub-select) and tracked.
        var locked = db.Events.FromSql($"SELECT * FROM events WHERE id = {eventId} FOR UPDATE");
        var found = await (withPlaces ? locked.Include(e => e.Places) : locked).SingleOrDefaultAsync(cancellationToken);
        return found is not null && viewer.CanSee(found) ? found : throw new NotFoundException("There is no such event.");
    }

    public static async Task<CommunityEvent> ManagedEventAsync(
        this AppDbContext db, Guid eventId, Viewer viewer, CancellationToken cancellationToken, bool withPlaces = false)
    {
        var found = await db.LockEventAsync(eventId, viewer, cancellationToken, withPlaces);
        return viewer.Manages(found) ? found : throw new ForbiddenException("Only the event's hosts can do this.");
    }

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

    public static async Task<EventDetail> EventDetailAsync(this AppDbContext db, Guid eventId, Viewer viewer, TimeProvider clock, CancellationToken cancellationToken)
    {
        var e = await db.Events.AsNoTracking().Include(x => x.Places).SingleOrDefaultAsync(x => x.Id == eventId, cancellationToken);
        if (e is null || !viewer.CanSee(e))
        {
            throw new NotFoundException("There is no such event.");
        }

        var mine = await db.MyRegistrationAsync(eventId, viewer.MemberId, cancellationToken);
        var waitlist = await db.Registrations.CountAsync(r => r.EventId == eventId && r.Status == RegistrationStatus.Waitlisted, cancellationToken);
        var people = new[] { e.HostId }.Concat(e.CoHostIds).ToList();
        var names = await db.Members.AsNoTracking().Where(m => people.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.DisplayName, cancellationToken);
        var qaLastSeq = await db.LastSeqAsync(CommunityEvent.QaStreamName(eventId), cancellationToken);
        var manages = viewer.Manages(e);
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
            e.RegistrationQuestions, e.CancelledAt, e.CancellationReason, e.ThreadId, manages, viewer.Moderates(e), mine,
            e.QaOpen, e.QaRequiresApproval, e.PinnedQuestionId, qaLastSeq);
    }
}
