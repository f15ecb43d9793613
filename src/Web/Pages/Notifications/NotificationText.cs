using CommunityOfPractice.Domain.Notifications;

namespace CommunityOfPractice.Web.Pages.Notifications;

/// <summary>
/// Kinds of notification and the ways they reach a member, as people read them: the list's labels,
/// the settings page's legends, hints and options, in the order the settings page offers them.
/// </summary>
public static class NotificationText
{
    public static IReadOnlyList<NotificationKind> Kinds { get; } = Enum.GetValues<NotificationKind>();

    public static IReadOnlyList<NotificationDelivery> Deliveries { get; } = Enum.GetValues<NotificationDelivery>();

    /// <summary>A short name: a legend on the settings page, a label beside a notification.</summary>
    public static string Name(NotificationKind kind) => kind switch
    {
        NotificationKind.Reply => "Replies",
        NotificationKind.Mention => "Mentions",
        NotificationKind.PlaceActivity => "News from places you follow",
        NotificationKind.EventReminder => "Event reminders",
        NotificationKind.EventUpdate => "Changes to your events",
        NotificationKind.QuestionUpdate => "Your Q&A questions",
        NotificationKind.JoinDecision => "Your request to join",
        NotificationKind.JoinRequest => "Requests to join",
        _ => kind.ToString(),
    };

    public static string Describe(NotificationKind kind) => kind switch
    {
        NotificationKind.Reply => "Replies to your posts, or in threads you follow.",
        NotificationKind.Mention => "Someone mentions you by your @name in a discussion you may read.",
        NotificationKind.PlaceActivity => "A new discussion, event or paper in a place you follow.",
        NotificationKind.EventReminder => "A reminder a day and an hour before an event you have a seat at.",
        NotificationKind.EventUpdate => "A seat came free for you at an event, or an event you registered for changed or was cancelled.",
        NotificationKind.QuestionUpdate => "A question you asked in an event's Q&A was answered in writing, or hidden with the reason.",
        NotificationKind.JoinDecision => "A moderator decided your request to join the community.",
        NotificationKind.JoinRequest => "For moderators: someone asked to join the community and waits for a decision. Requests that arrive before you look are counted together.",
        _ => string.Empty,
    };

    public static string Name(NotificationDelivery delivery) => delivery switch
    {
        NotificationDelivery.InApp => "In-app only",
        NotificationDelivery.Email => "Email at once",
        NotificationDelivery.Daily => "Daily digest",
        NotificationDelivery.Weekly => "Weekly digest",
        NotificationDelivery.Off => "Off",
        _ => delivery.ToString(),
    };

    /// <summary>What a choice means; digests go out at <paramref name="digestAt"/> (UK time).</summary>
    public static string Describe(NotificationDelivery delivery, string digestAt) => delivery switch
    {
        NotificationDelivery.InApp => "You see it under the bell at the top of every page, and we send no email.",
        NotificationDelivery.Email => "Under the bell, and an email as it happens. A busy thread sends you one email for a burst of replies, not one per reply.",
        NotificationDelivery.Daily => $"Under the bell, and one email a day at {digestAt} (UK time) gathering what happened since the last one. No email on a quiet day.",
        NotificationDelivery.Weekly => $"Under the bell, and one email every Monday at {digestAt} (UK time) gathering the week. No email in a quiet week.",
        NotificationDelivery.Off => "Nothing at all: not under the bell, not by email.",
        _ => string.Empty,
    };
}
