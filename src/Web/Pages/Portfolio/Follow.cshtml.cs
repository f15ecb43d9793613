using CommunityOfPractice.Domain.Community;
using Microsoft.AspNetCore.Authorization;

namespace CommunityOfPractice.Web.Pages.Portfolio;

/// <summary>
/// Where every Follow / Unfollow button posts (see <see cref="FollowButtonViewComponent"/>): it
/// asks the Api, says what happened, and sends the person back to the page they were on.
/// </summary>
[Authorize]
public sealed class FollowModel(ApiClient api) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/portfolio");

    public async Task<IActionResult> OnPostAsync(FollowTarget kind, Guid id, bool follow, string? name, string? returnUrl, CancellationToken cancellationToken)
    {
        var result = await api.FollowAsync(kind, id, follow, cancellationToken);
        var what = string.IsNullOrWhiteSpace(name) ? (kind == FollowTarget.Place ? "this place" : "this organisation") : name.Trim();
        if (result.Succeeded)
        {
            TempData["Status"] = follow ? $"You follow {what}. It is in your portfolio." : $"You no longer follow {what}.";
            var follows = await api.ListFollowsAsync(cancellationToken);
            if (follows.Succeeded)
            {
                FollowHint.Update(Response, follows.Value.Places.Count + follows.Value.Organisations.Count > 0);
            }
        }
        else
        {
            TempData["Error"] = result.Problem.Message;
        }

        return LocalRedirect(returnUrl is not null && Url.IsLocalUrl(returnUrl) ? returnUrl : "/portfolio");
    }
}
