using CommunityOfPractice.Contracts.Community;

namespace CommunityOfPractice.Web.Pages.Admin;

/// <summary>
/// Moderators decide who joins: the waiting requests, oldest first, each approved (with an
/// optional message) or declined (with a required one). Each decision is a POST that comes back
/// to the same page (post, redirect, get) with the Api's word on what happened.
/// </summary>
public sealed class JoinRequestsModel(ApiClient api) : PageModel
{
    private const int PageSize = 20;

    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public JoinRequestPage? Requests { get; private set; }

    public ApiProblem? LoadProblem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(1, PageNumber);
        var result = await api.ListJoinRequestsAsync(PageNumber, PageSize, cancellationToken);
        if (result.Succeeded)
        {
            Requests = result.Value;
        }
        else
        {
            LoadProblem = result.Problem;
        }
    }

    public Task<IActionResult> OnPostApproveAsync(Guid requestId, string? name, string? message, CancellationToken cancellationToken) =>
        DecideAsync(requestId, name, approve: true, message, cancellationToken);

    public Task<IActionResult> OnPostDeclineAsync(Guid requestId, string? name, string? message, CancellationToken cancellationToken) =>
        DecideAsync(requestId, name, approve: false, message, cancellationToken);

    private async Task<IActionResult> DecideAsync(Guid requestId, string? name, bool approve, string? message, CancellationToken cancellationToken)
    {
        var who = string.IsNullOrWhiteSpace(name) ? "The applicant" : name;
        var result = await api.DecideJoinRequestAsync(requestId, approve, string.IsNullOrWhiteSpace(message) ? null : message.Trim(), cancellationToken);
        if (result.Succeeded)
        {
            TempData["Status"] = approve ? $"{who} is now a member." : $"{who}'s request is declined; they can read your message.";
        }
        else
        {
            TempData["Error"] = result.Problem.IsUnavailable
                ? "Nothing was decided: the community service is not answering. Please try again in a minute."
                : result.Problem.Errors.TryGetValue("message", out var messages)
                    ? $"{who}: {string.Join(" ", messages)}"
                    : result.Problem.Message;
        }

        return RedirectToPage(new { pageNumber = PageNumber > 1 ? PageNumber : (int?)null });
    }
}
