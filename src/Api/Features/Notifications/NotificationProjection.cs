using CommunityOfPractice.Contracts.Notifications;
using CommunityOfPractice.Domain.Notifications;

namespace CommunityOfPractice.Api.Features.Notifications;

/// <summary>How notifications and the unread count are read.</summary>
internal static class NotificationProjection
{
    public static IQueryable<NotificationView> Views(this IQueryable<Notification> notifications) =>
        notifications.Select(n => new NotificationView(n.Id, n.Kind, n.Title, n.Text, n.Link, n.CreatedAt, n.ReadAt != null));

    public static async Task<int> UnreadAsync(this AppDbContext db, Guid memberId, CancellationToken cancellationToken) =>
        await db.Set<Api.Notifications.NotificationInbox>().Where(i => i.MemberId == memberId)
            .Select(i => (int?)i.Unread).SingleOrDefaultAsync(cancellationToken) ?? 0;
}
