using CommunityOfPractice.Domain.Notifications;

namespace CommunityOfPractice.Contracts.Notifications;

/// <summary>One notification: what happened, in plain text, and the Web path of the thing itself.</summary>
public sealed record NotificationView(Guid Id, NotificationKind Kind, string Title, string Text, string Link, DateTimeOffset CreatedAt, bool IsRead);

/// <summary>A page of the member's notifications, newest first, with the unread count and the cursor of the next (older) page.</summary>
public sealed record NotificationPage(IReadOnlyList<NotificationView> Items, int Unread, string? Next);

/// <summary>What the bell shows.</summary>
public sealed record UnreadCount(int Unread);

/// <summary>
/// The events of a member's own stream "member:{id}" (docs/live-protocol.md): a notification
/// arrived (<see cref="NotificationAdded"/>), or some were read (<see cref="NotificationsRead"/>).
/// Each carries the unread count after it, so the bell follows the last event it applied.
/// </summary>
public static class MemberStreamEvents
{
    public const string Added = "notification.added";
    public const string Read = "notification.read";
}

public sealed record NotificationAdded(NotificationView Notification, int Unread);

public sealed record NotificationsRead(IReadOnlyList<Guid> Ids, bool All, int Unread);

/// <summary>Mark these read, or all of them (<see cref="All"/>).</summary>
public sealed record MarkNotificationsReadRequest(IReadOnlyList<Guid>? Ids, bool All = false);

/// <summary>A member's choice for one kind, and whether it is still the default.</summary>
public sealed record NotificationChoice(NotificationKind Kind, NotificationDelivery Delivery, bool IsDefault);

/// <summary>
/// Every kind with its choice, the address mail goes to, and when digests go out
/// (the daily one at <see cref="DailyDigestAt"/> UK time, the weekly one on Mondays then).
/// </summary>
public sealed record NotificationSettingsView(IReadOnlyList<NotificationChoice> Choices, string? Email, string DailyDigestAt);

/// <summary>The kinds to change and their new choice; kinds not named keep theirs.</summary>
public sealed record UpdateNotificationSettingsRequest(IReadOnlyDictionary<string, string> Choices);
