using CommunityOfPractice.Contracts.Events;

namespace CommunityOfPractice.Web.Pages.Events;

/// <summary>
/// Upcoming events (soonest first) or past ones, and the personal calendar feed. Visitors who are
/// not signed in get the section's introduction and a way in (the Api lists events to members only).
/// </summary>
public sealed class IndexModel(ApiClient api) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public bool Past { get; set; }

    public IReadOnlyList<EventSummary> Events { get; private set; } = [];

    public ApiProblem? LoadProblem { get; private set; }

    public bool CanCreate => User.IsInRole("host") || User.IsInRole("admin");

    public string? FeedUrl { get; private set; }

    public bool SignedIn => User.Identity?.IsAuthenticated == true;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (!SignedIn)
        {
            return;
        }

        var result = await api.GetEventsAsync(Past, cancellationToken);
        if (result.Succeeded)
        {
            Events = result.Value;
        }
        else
        {
            LoadProblem = result.Problem;
        }
    }

    public string? ViewerZone => EventText.ViewerZone(Request);

    /// <summary>Remembers the zone the viewer wants times in (a year-long cookie; empty means each event's own zone).</summary>
    public IActionResult OnPostZone(string? zone)
    {
        if (zone is not null && EventText.TimeZones.Contains(zone))
        {
            Response.Cookies.Append(EventText.ZoneCookie, zone, new CookieOptions
            {
                MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = Request.IsHttps, IsEssential = true,
            });
        }
        else
        {
            Response.Cookies.Delete(EventText.ZoneCookie);
        }

        return RedirectToPage(new { past = Past ? "true" : null });
    }

    public async Task<IActionResult> OnPostFeedAsync(CancellationToken cancellationToken)
    {
        if (!SignedIn)
        {
            return Challenge();
        }

        var result = await api.NewCalendarFeedAsync(cancellationToken);
        if (!result.Succeeded)
        {
            TempData["Error"] = result.Problem.Message;
            return RedirectToPage();
        }

        FeedUrl = result.Value.Url;
        await OnGetAsync(cancellationToken);
        return Page();
    }
}
