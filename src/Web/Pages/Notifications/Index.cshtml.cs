using CommunityOfPractice.Contracts.Notifications;
using Microsoft.AspNetCore.Authorization;

namespace CommunityOfPractice.Web.Pages.Notifications;

/// <summary>
/// The member's notifications, newest first, a page at a time (<c>?before=</c> is the cursor of
/// the older page): each links to the thing itself; unread ones say so and can be marked read one
/// by one or all at once, with plain forms (post, redirect, get).
/// </summary>
[Authorize]
public sealed class IndexModel(ApiClient api) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)]
    public string? Before { get; set; }

    public IReadOnlyList<NotificationView> Items { get; private set; } = [];

    public int Unread { get; private set; }

    public string? Next { get; private set; }

    public ApiProblem? LoadProblem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var page = await api.ListNotificationsAsync(Before, PageSize, cancellationToken);
        if (!page.Succeeded)
        {
            LoadProblem = page.Problem;
            return;
        }

        (Items, Unread, Next) = (page.Value.Items, page.Value.Unread, page.Value.Next);
    }

    /// <summary>
    /// One notification read: from its "Mark read" button, or as a beacon from notifications.js
    /// while its link opens (no message then: the next page is the thing itself, not this list).
    /// </summary>
    public async Task<IActionResult> OnPostReadAsync(Guid id, bool beacon, CancellationToken cancellationToken)
    {
        if (beacon)
        {
            await api.MarkNotificationsReadAsync(new MarkNotificationsReadRequest([id]), cancellationToken);
            return new NoContentResult();
        }

        return await MarkAsync(new MarkNotificationsReadRequest([id]), "Marked as read.", cancellationToken);
    }

    public Task<IActionResult> OnPostReadAllAsync(CancellationToken cancellationToken) =>
        MarkAsync(new MarkNotificationsReadRequest(null, All: true), "All your notifications are marked as read.", cancellationToken);

    private async Task<IActionResult> MarkAsync(MarkNotificationsReadRequest request, string done, CancellationToken cancellationToken)
    {
        var result = await api.MarkNotificationsReadAsync(request, cancellationToken);
        if (result.Succeeded)
        {
            TempData["Status"] = done;
        }
        else
        {
            TempData["Error"] = result.Problem.Message;
        }

        return RedirectToPage(new { before = Before });
    }
}
