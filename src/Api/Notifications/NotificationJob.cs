using CommunityOfPractice.Domain.Notifications;

namespace CommunityOfPractice.Api.Notifications;

/// <summary>
/// A notification to be fanned out: the outbox row for in-app notifications, written in the
/// transaction of its cause. One job for a reply to a thread with a thousand followers keeps that
/// reply's transaction short; the fan-out writes the thousand rows afterwards, and deletes the
/// job in the same transaction, so the table holds only what is still to do.
/// </summary>
public sealed class NotificationJob
{
    private NotificationJob()
    {
        Title = Text = Link = string.Empty;
        Recipients = Excluded = [];
    }

    public Guid Id { get; private set; }
    public NotificationKind Kind { get; private set; }
    public Guid[] Recipients { get; private set; }

    /// <summary>
    /// Also everyone following this thread when the job is fanned out who has not read as far as
    /// post <see cref="ThreadPostNumber"/> by then, less <see cref="Excluded"/>. Read then, not in
    /// the cause's transaction, so a reply does not carry its thread's thousand followers.
    /// </summary>
    public Guid? ThreadFollowersOf { get; private set; }

    public int? ThreadPostNumber { get; private set; }

    public Guid[] Excluded { get; private set; }
    public string Title { get; private set; }
    public string Text { get; private set; }
    public string Link { get; private set; }
    public string? GroupKey { get; private set; }
    public string? CountedTitle { get; private set; }
    public NotificationAudience Audience { get; private set; }
    public string? Calendar { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public static NotificationJob For(
        NotificationKind kind, Guid[] recipients, NotificationMessage message, DateTimeOffset now,
        (Guid ThreadId, int PostNumber)? threadFollowers = null, Guid[]? except = null) => new()
    {
        Id = Guid.CreateVersion7(),
        Kind = kind,
        Recipients = recipients,
        ThreadFollowersOf = threadFollowers?.ThreadId,
        ThreadPostNumber = threadFollowers?.PostNumber,
        Excluded = except ?? [],
        Title = Clip(message.Title, Notification.TitleMaxLength),
        Text = Clip(message.Text, Notification.TextMaxLength),
        Link = Clip(message.Link, Notification.LinkMaxLength),
        GroupKey = message.GroupKey,
        CountedTitle = message.CountedTitle is { } counted ? Clip(counted, Notification.TitleMaxLength - 10) : null,
        Audience = message.Audience,
        Calendar = message.Calendar,
        CreatedAt = now,
    };

    private static string Clip(string text, int length) => text.Length <= length ? text : string.Concat(text.AsSpan(0, length - 1), "…");
}

/// <summary>A member's unread count (table "notification_inboxes"), kept by the fan-out and by marking read, so the bell never counts rows.</summary>
public sealed class NotificationInbox
{
    public Guid MemberId { get; private set; }
    public int Unread { get; private set; }
}

/// <summary>When a member was last emailed about one thing (table "notification_email_log"): the start of its email window.</summary>
public sealed class NotificationEmailLog
{
    public Guid MemberId { get; private set; }
    public string GroupKey { get; private set; } = string.Empty;
    public DateTimeOffset SentAt { get; private set; }
}

/// <summary>The period whose digest a member was last sent (table "notification_digests"): one digest per period.</summary>
public sealed class NotificationDigest
{
    public Guid MemberId { get; private set; }
    public Domain.Notifications.NotificationDelivery Delivery { get; private set; }
    public DateTimeOffset PeriodStart { get; private set; }
}
