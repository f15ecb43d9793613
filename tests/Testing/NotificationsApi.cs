using System.Net;
using System.Net.Http.Json;
using Xunit;
using CommunityOfPractice.Contracts.Notifications;
using CommunityOfPractice.Domain.Notifications;

namespace CommunityOfPractice.Testing;

/// <summary>The member's notifications and settings over HTTP, as the bell and the settings page use them.</summary>
public static class NotificationsApi
{
    public static string StreamOf(Guid memberId) => $"member:{memberId}";

    public static async Task<NotificationPage> ListAsync(HttpClient client, string? before = null, int? limit = null)
    {
        var query = new List<string>();
        if (before is not null)
        {
            query.Add($"before={Uri.EscapeDataString(before)}");
        }

        if (limit is not null)
        {
            query.Add($"limit={limit}");
        }

        using var response = await client.GetAsync("/api/v1/notifications" + (query.Count > 0 ? "?" + string.Join('&', query) : string.Empty));
        return await ThreadsApi.ExpectAsync<NotificationPage>(response, HttpStatusCode.OK);
    }

    /// <summary>
    /// Notifications are fanned out after the cause commits: asks until <paramref name="done"/>
    /// holds for the newest page, or fails after <paramref name="timeout"/> (10 s by default).
    /// </summary>
    public static Task<NotificationPage> WaitForAsync(HttpClient client, Func<NotificationPage, bool> done, TimeSpan? timeout = null) =>
        Eventually.ReadsAsync(() => ListAsync(client, limit: 100), done,
            page => $"The notifications never got there; the last page had {page.Items.Count}: {string.Join(" | ", page.Items.Select(n => n.Title))}",
            timeout ?? TimeSpan.FromSeconds(10));

    public static Task<NotificationPage> WaitForKindAsync(HttpClient client, NotificationKind kind, int count = 1) =>
        WaitForAsync(client, page => page.Items.Count(n => n.Kind == kind) >= count);

    public static async Task<NotificationSettingsView> SettingsAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/api/v1/notifications/settings");
        return await ThreadsApi.ExpectAsync<NotificationSettingsView>(response, HttpStatusCode.OK);
    }

    public static Task<HttpResponseMessage> SendChoicesAsync(HttpClient client, IReadOnlyDictionary<string, string> choices) =>
        client.PutAsJsonAsync("/api/v1/notifications/settings", new UpdateNotificationSettingsRequest(choices));

    public static async Task ChooseAsync(HttpClient client, NotificationKind kind, NotificationDelivery delivery)
    {
        using var response = await SendChoicesAsync(client, new Dictionary<string, string> { [kind.ToString()] = delivery.ToString() });
        await ThreadsApi.ExpectAsync(response, HttpStatusCode.OK);
    }

    public static async Task<UnreadCount> MarkReadAsync(HttpClient client, IReadOnlyList<Guid>? ids, bool all = false)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/notifications/read", new MarkNotificationsReadRequest(ids, all));
        return await ThreadsApi.ExpectAsync<UnreadCount>(response, HttpStatusCode.OK);
    }

    /// <summary>The handle that @mentions a member (their display name as a slug).</summary>
    public static string Handle(TestMember member) => "@" + Domain.Discussions.Mentions.Handle(member.DisplayName);
}
