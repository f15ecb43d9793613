using CommunityOfPractice.Api.Infrastructure.Authorization;
using CommunityOfPractice.Contracts.Notifications;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CommunityOfPractice.Api.Features.Notifications;

/// <summary>The member's notifications and their choices; applicants too (they hear their join decision here).</summary>
public static class NotificationEndpoints
{
    public static void MapNotificationEndpoints(this RouteGroupBuilder api)
    {
        var notifications = api.MapGroup("/notifications").WithTags("Notifications").RequireAuthorization(Policies.SignedIn);

        notifications.MapGet(string.Empty, async Task<Ok<NotificationPage>> (
                Caller caller, ISender sender, CancellationToken cancellationToken, string? before = null, int? limit = null, bool unread = false) =>
                TypedResults.Ok(await sender.Send(new ListNotifications.Query(caller, before, limit, unread), cancellationToken)))
            .WithName(nameof(ListNotifications))
            .WithSummary("Your notifications, newest first (before: the next page's cursor; unread: only those not read)")
            .ProducesValidationProblem();

        notifications.MapPost("/read", async Task<Ok<UnreadCount>> (
                MarkNotificationsReadRequest request, Caller caller, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new MarkNotificationsRead.Command(caller, request.Ids, request.All), cancellationToken)))
            .WithName(nameof(MarkNotificationsRead))
            .WithSummary("Mark notifications read (some by id, or all); answers the unread count left")
            .ProducesValidationProblem();

        notifications.MapGet("/settings", async Task<Ok<NotificationSettingsView>> (Caller caller, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new GetNotificationSettings.Query(caller), cancellationToken)))
            .WithName(nameof(GetNotificationSettings))
            .WithSummary("How each kind of notification reaches you");

        notifications.MapPut("/settings", async Task<Ok<NotificationSettingsView>> (
                UpdateNotificationSettingsRequest request, Caller caller, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new UpdateNotificationSettings.Command(caller, request.Choices), cancellationToken)))
            .WithName(nameof(UpdateNotificationSettings))
            .WithSummary("Choose, per kind, in-app only, email at once, a daily or weekly digest, or off")
            .ProducesValidationProblem();

        // RFC 8058: mail clients POST "List-Unsubscribe=One-Click" here, without signing in.
        notifications.MapPost("/unsubscribe", async Task<NoContent> ([FromQuery] string? token, ISender sender, CancellationToken cancellationToken) =>
            {
                await sender.Send(new Unsubscribe.Command(token), cancellationToken);
                return TypedResults.NoContent();
            })
            .AllowAnonymous()
            .DisableAntiforgery()
            .WithName(nameof(Unsubscribe))
            .WithSummary("One-click unsubscribe from an email: that kind stays in-app only")
            .ProducesValidationProblem();
    }
}
