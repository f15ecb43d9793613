using CommunityOfPractice.Domain.Community;

namespace CommunityOfPractice.Web.Pages.Portfolio;

/// <summary>
/// A Follow / Unfollow button for a place or an organisation, to drop into its page with one line:
/// <c>@await Component.InvokeAsync("FollowButton", new { kind = FollowTarget.Place, id = place.Id, name = place.Name })</c>.
/// It asks the Api whether the member follows it already; a visitor gets a link to sign in instead.
/// </summary>
public sealed class FollowButtonViewComponent(ApiClient api) : ViewComponent
{
    public sealed record Model(FollowTarget Kind, Guid Id, string Name, bool SignedIn, bool IsFollowed, string ReturnUrl);

    public async Task<IViewComponentResult> InvokeAsync(FollowTarget kind, Guid id, string name)
    {
        var returnUrl = $"{Request.PathBase}{Request.Path}{Request.QueryString}";
        if (User.Identity?.IsAuthenticated != true)
        {
            return View(new Model(kind, id, name, SignedIn: false, IsFollowed: false, returnUrl));
        }

        var follows = await api.ListFollowsAsync(HttpContext.RequestAborted);
        var isFollowed = follows.Succeeded && follows.Value.Follows(kind, id);
        return View(new Model(kind, id, name, SignedIn: true, isFollowed, returnUrl));
    }
}
