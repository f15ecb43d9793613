using System.Text;
using CommunityOfPractice.Api.Infrastructure.Mail;
using CommunityOfPractice.Domain.Notifications;

using CommunityOfPractice.Api.Notifications;
using static CommunityOfPractice.Api.Emails.EmailLayout;

namespace CommunityOfPractice.Api.Emails;

/// <summary>The emails notifications become: one about a thing (maybe several updates to it), or a digest.</summary>
public static class NotificationEmails
{
    public static EmailContent AtOnce(IReadOnlyList<Notification> items, EmailLinks links)
    {
        var latest = items[^1];
        var subject = items.Count == 1 ? latest.Title : $"{latest.Title} (and {items.Count - 1} more)";
        var email = Compose(subject, items.Count == 1 ? latest.Title : $"{items.Count} updates", items, links);

        // Event news carries its calendar entry; the newest is the one that holds.
        return items.LastOrDefault(n => n.Calendar is not null)?.Calendar is { } calendar
            ? email with { Attachments = [new EmailAttachment("event.ics", CalendarContentType(calendar), Encoding.UTF8.GetBytes(calendar))] }
            : email;
    }

    /// <summary>"text/calendar; method=…" with the calendar's own METHOD, so mail clients offer to update or remove the entry.</summary>
    public static string CalendarContentType(string calendar)
    {
        var method = calendar.Split('\n').Select(line => line.Trim())
            .FirstOrDefault(line => line.StartsWith("METHOD:", StringComparison.OrdinalIgnoreCase))?[7..] ?? "PUBLISH";
        return $"text/calendar; charset=utf-8; method={method}";
    }

    public static EmailContent Digest(NotificationDelivery delivery, IReadOnlyList<Notification> items, EmailLinks links)
    {
        var period = delivery == NotificationDelivery.Weekly ? "week" : "day";
        var subject = $"Your {period} in Community of Practice: {items.Count} {(items.Count == 1 ? "update" : "updates")}";
        return Compose(subject, $"What happened this {period}", items, links);
    }

    private static EmailContent Compose(string subject, string heading, IReadOnlyList<Notification> items, EmailLinks links)
    {
        var text = new StringBuilder();
        var html = new StringBuilder();
        foreach (var item in items)
        {
            text.AppendLine(item.Title).AppendLine(item.Text).AppendLine(links.Web(item.Link)).AppendLine();
            html.Append($"""<li style="margin-bottom: 1em;">{Link(links.Web(item.Link), item.Title)}<br>{Encode(item.Text)}</li>""");
        }

        text.AppendLine($"Choose what reaches you, and how: {links.Settings}");
        text.AppendLine($"Stop these emails: {links.Page}");
        return new EmailContent(
            subject,
            text.ToString(),
            Html(heading, $"""<ul style="padding-left: 1.2em;">{html}</ul>""", $"{Link(links.Settings, "Notification settings")} · {Link(links.Page, "Unsubscribe")}"))
        {
            // RFC 8058: mail clients show "Unsubscribe" and POST to it, with no sign-in.
            Headers = new Dictionary<string, string>
            {
                ["List-Unsubscribe"] = $"<{links.OneClick}>",
                ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
            },
        };
    }
}
