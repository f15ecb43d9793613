using System.Globalization;
using CommunityOfPractice.Contracts.Notifications;

namespace CommunityOfPractice.Web.Api;

/// <summary>The notifications calls of the one Api client: the bell, the list and the settings.</summary>
public sealed partial class ApiClient
{
    /// <summary>A page of the member's notifications, newest first; <paramref name="before"/> is the previous page's <c>Next</c>.</summary>
    public Task<ApiResult<NotificationPage>> ListNotificationsAsync(string? before, int limit, CancellationToken cancellationToken)
    {
        var query = QueryString.Create(new Dictionary<string, string?>
        {
            ["before"] = string.IsNullOrEmpty(before) ? null : before,
            ["limit"] = limit.ToString(CultureInfo.InvariantCulture),
        }.Where(p => p.Value is not null));
        return SendAsync<NotificationPage>(HttpMethod.Get, $"api/v1/notifications{query}", null, cancellationToken);
    }

    /// <summary>What the bell shows: the smallest page carries the unread count.</summary>
    public async Task<ApiResult<UnreadCount>> GetUnreadCountAsync(CancellationToken cancellationToken)
    {
        var page = await ListNotificationsAsync(before: null, limit: 1, cancellationToken);
        return page.Succeeded ? ApiResult<UnreadCount>.Success(new UnreadCount(page.Value.Unread)) : ApiResult<UnreadCount>.Failure(page.Problem);
    }

    public Task<ApiResult<UnreadCount>> MarkNotificationsReadAsync(MarkNotificationsReadRequest request, CancellationToken cancellationToken) =>
        SendAsync<UnreadCount>(HttpMethod.Post, "api/v1/notifications/read", request, cancellationToken);

    public Task<ApiResult<NotificationSettingsView>> GetNotificationSettingsAsync(CancellationToken cancellationToken) =>
        SendAsync<NotificationSettingsView>(HttpMethod.Get, "api/v1/notifications/settings", null, cancellationToken);

    public Task<ApiResult<NotificationSettingsView>> UpdateNotificationSettingsAsync(UpdateNotificationSettingsRequest request, CancellationToken cancellationToken) =>
        SendAsync<NotificationSettingsView>(HttpMethod.Put, "api/v1/notifications/settings", request, cancellationToken);
}
