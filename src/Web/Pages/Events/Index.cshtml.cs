using CommunityOfPractice.Web.Api;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityOfPractice.Web.Pages.Events;

/// <summary>Upcoming events (soonest first) or past ones, and the personal calendar feed.</summary>
[Authorize]
public sealed class IndexModel(ApiClient api) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public bool Past { get; set; }

    public IReadOnlyList<EventSummary> Events { get; private set; } = [];

    public ApiProblem? LoadProblem { get; private set; }

    public bool CanCreate => User.IsInRole("host") || User.IsInRole("admin");

    public string? FeedUrl { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
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

    public async Task<IActionResult> OnPostFeedAsync(CancellationToken cancellationToken)
    {
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
