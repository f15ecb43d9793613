using CommunityOfPractice.Domain.Events;

namespace CommunityOfPractice.Api.Features.Events;

/// <summary>
/// The event's row lock: where a registration takes a seat, a capacity change promotes from the
/// waitlist, and the Q&amp;A state changes. Concurrent requests queue on the row in arrival order.
/// </summary>
internal static class EventLock
{
    /// <summary>
    /// Takes the event's row lock for the rest of the transaction, then loads it tracked. Every
    /// change to seats or the Q&amp;A state goes through here, so concurrent requests queue on the row.
    /// </summary>
    public static async Task<CommunityEvent> LockEventAsync(
        this AppDbContext db, Guid eventId, Caller caller, CancellationToken cancellationToken, bool withPlaces = false)
    {
        // One round trip: the row comes back locked (FOR UPDATE in the sub-select) and tracked.
        var locked = db.Events.FromSql($"SELECT * FROM events WHERE id = {eventId} FOR UPDATE");
        var found = await (withPlaces ? locked.Include(e => e.Places) : locked).SingleOrDefaultAsync(cancellationToken);
        return found is not null && caller.MaySee(found) ? found : throw new NotFoundException("There is no such event.");
    }
}
