namespace CommunityOfPractice.Web.Pages.Notifications;

/// <summary>
/// The bell in the header: a link to /Notifications with the unread count as the Api has it when
/// the page is drawn (one small call, the first page of one notification), so it works without
/// scripts. For approved members <c>wwwroot/js/bell.js</c> then follows their stream "member:{id}";
/// applicants see the count from page load (the hub is for members).
/// </summary>
public sealed class BellViewComponent(ApiClient api) : ViewComponent
{
    /// <param name="Unread">Null when the Api could not say: the bell shows no count rather than a wrong one.</param>
    /// <param name="Stream">The member's own stream for bell.js; null for applicants.</param>
    public sealed record Model(int? Unread, string? Stream, bool IsCurrent);

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var unread = await api.GetUnreadCountAsync(HttpContext.RequestAborted);
        var memberId = UserClaimsPrincipal.FindFirst("sub")?.Value;
        var stream = UserClaimsPrincipal.IsInRole("member") && memberId is not null ? $"member:{memberId}" : null;
        var isCurrent = Request.Path.Equals("/Notifications", StringComparison.OrdinalIgnoreCase);
        return View(new Model(unread.Succeeded ? unread.Value.Unread : null, stream, isCurrent));
    }
}
