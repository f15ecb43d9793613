namespace CommunityOfPractice.Domain.Notifications;

/// <summary>
/// One thing that happened, for one member: what the bell counts and /notifications lists, and
/// what an email or a digest tells them. <see cref="Delivery"/> is the member's choice when it
/// was written, so changing a choice later does not resend or withdraw what is already queued.
/// <see cref="GroupKey"/> names the thing (a busy thread): while the member has not read it, more
/// about that thing is counted into the same notification, and an email goes once per window.
/// </summary>
public sealed class Notification
{
    public const int TitleMaxLength = 300;
    public const int TextMaxLength = 1000;
    public const int LinkMaxLength = 500;

    private Notification()
    {
        Title = Text = Link = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid MemberId { get; private set; }
    public NotificationKind Kind { get; private set; }
    public string Title { get; private set; }

    /// <summary>Plain text: a short excerpt, never Markdown or HTML.</summary>
    public string Text { get; private set; }

    /// <summary>Where the thing itself is, as a path on the Web ("/Threads/…#post-12").</summary>
    public string Link { get; private set; }

    public string? GroupKey { get; private set; }

    /// <summary>
    /// How many things it tells of: a reply makes a notification of 1, and each further reply to
    /// the same thread (<see cref="GroupKey"/>) while it is unread adds to it rather than adding a
    /// notification ("5 new replies in …"), so a busy thread is one item under the bell.
    /// </summary>
    public int Count { get; private set; } = 1;

    /// <summary>For event news: the iCalendar file its email carries (never shown under the bell).</summary>
    public string? Calendar { get; private set; }

    public NotificationDelivery Delivery { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ReadAt { get; private set; }

    /// <summary>When its email or digest was queued in the outbox (or found unneeded); null while it waits.</summary>
    public DateTimeOffset? EmailedAt { get; private set; }

    public bool IsRead => ReadAt is not null;

    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;
}

/// <summary>A member's choice for one kind; a kind without a row uses <see cref="NotificationDefaults"/>.</summary>
public sealed class NotificationPreference(Guid memberId, NotificationKind kind, NotificationDelivery delivery)
{
    public Guid MemberId { get; private set; } = memberId;
    public NotificationKind Kind { get; private set; } = kind;
    public NotificationDelivery Delivery { get; private set; } = delivery;

    public void Choose(NotificationDelivery delivery) => Delivery = delivery;
}
