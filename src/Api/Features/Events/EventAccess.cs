using CommunityOfPractice.Domain.Events;

namespace CommunityOfPractice.Api.Features.Events;

/// <summary>
/// Who may do what with an event: its host, co-hosts and admins manage it; moderators also run
/// its Q&amp;A; drafts are the hosts' business, and everyone else learns nothing about them (404).
/// Creating events is for hosts and admins.
/// </summary>
internal static class EventAccess
{
    public static bool MayManage(this Caller caller, CommunityEvent e) => caller.IsAdmin || (caller.MemberId is { } id && e.IsHost(id));

    public static bool MayModerateQa(this Caller caller, CommunityEvent e) => caller.MayManage(e) || caller.IsModerator;

    public static bool MaySee(this Caller caller, CommunityEvent e) => e.Status != EventStatus.Draft || caller.MayManage(e);

    /// <summary>Loads an event the caller may see, else 404 (drafts of others do not exist for them).</summary>
    public static async Task<CommunityEvent> VisibleEventAsync(this AppDbContext db, Guid eventId, Caller caller, CancellationToken cancellationToken)
    {
        var found = await db.Events.AsNoTracking().SingleOrDefaultAsync(e => e.Id == eventId, cancellationToken);
        return found is not null && caller.MaySee(found) ? found : throw new NotFoundException("There is no such event.");
    }

    public static async Task<CommunityEvent> ManagedEventAsync(
        this AppDbContext db, Guid eventId, Caller caller, CancellationToken cancellationToken, bool withPlaces = false)
    {
        var found = await db.LockEventAsync(eventId, caller, cancellationToken, withPlaces);
        return caller.MayManage(found) ? found : throw new ForbiddenException("Only the event's hosts can do this.");
    }
}
