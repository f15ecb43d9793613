namespace CommunityOfPractice.Domain.Notifications;

/// <summary>
/// What a notification is about. Each member chooses, per kind, how it reaches them
/// (<see cref="NotificationDelivery"/>). Stored by name.
/// </summary>
public enum NotificationKind
{
    /// <summary>A reply to my post, or in a thread I follow.</summary>
    Reply = 1,

    /// <summary>Someone wrote @my-handle where I may read it.</summary>
    Mention = 2,

    /// <summary>A new thread, event or paper in a place I follow.</summary>
    PlaceActivity = 3,

    /// <summary>An event I have a seat at starts in 24 hours, or in one hour.</summary>
    EventReminder = 4,

    /// <summary>An event I registered for: a seat came free for me, or the event changed or was cancelled.</summary>
    EventUpdate = 5,

    /// <summary>My Q&amp;A question was answered in writing, or hidden with a reason.</summary>
    QuestionUpdate = 6,

    /// <summary>My request to join the community was decided.</summary>
    JoinDecision = 7,

    /// <summary>For moderators and admins: someone asked to join the community and waits for a decision.</summary>
    JoinRequest = 8,
}

/// <summary>How one kind of notification reaches a member. Every choice but <see cref="Off"/> shows it under the bell.</summary>
public enum NotificationDelivery
{
    /// <summary>Under the bell only.</summary>
    InApp = 1,

    /// <summary>Under the bell, and by email as it happens (a busy thread gives one email per window).</summary>
    Email = 2,

    /// <summary>Under the bell, and gathered into one email a day.</summary>
    Daily = 3,

    /// <summary>Under the bell, and gathered into one email a week.</summary>
    Weekly = 4,

    /// <summary>Not at all.</summary>
    Off = 5,
}

/// <summary>The choices a member has not made yet: what matters to them personally comes at once, the place's news weekly.</summary>
public static class NotificationDefaults
{
    public static NotificationDelivery For(NotificationKind kind) => kind switch
    {
        NotificationKind.PlaceActivity => NotificationDelivery.Weekly,
        _ => NotificationDelivery.Email,
    };

    public static bool SendsEmail(this NotificationDelivery delivery) => delivery is NotificationDelivery.Email or NotificationDelivery.Daily or NotificationDelivery.Weekly;
}
