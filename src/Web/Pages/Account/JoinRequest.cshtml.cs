using CommunityOfPractice.Contracts.Community;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace CommunityOfPractice.Web.Pages.Account;

/// <summary>
/// An applicant's join request: waiting, approved or declined with the moderator's message. Once
/// approved, the session's tokens are refreshed on the spot so the member role (and with it
/// members-only content) arrives now rather than when the access token runs out.
/// </summary>
[Authorize]
public sealed class JoinRequestModel(ApiClient api, SessionCookieEvents session) : PageModel
{
    public JoinRequestView? Mine { get; private set; }

    public ApiProblem? LoadProblem { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool refreshed, CancellationToken cancellationToken)
    {
        var result = await api.GetMyJoinRequestAsync(cancellationToken);
        if (!result.Succeeded)
        {
            if (result.Problem.Status == StatusCodes.Status404NotFound)
            {
                // Joined by invitation or while joining was open: nothing to wait for.
                return RedirectToPage("/Profile/Index");
            }

            LoadProblem = result.Problem;
            return Page();
        }

        Mine = result.Value;
        if (Mine.Status == CommunityOfPractice.Domain.Community.JoinRequestStatus.Approved && !User.IsInRole("member") && !refreshed)
        {
            if (await session.RefreshNowAsync(HttpContext))
            {
                return RedirectToPage(new { refreshed = true });
            }

            // No refresh token to use: signing in again through the Api gives the new role.
            return Challenge(new AuthenticationProperties { RedirectUri = Url.Content("~" + SignInSetup.JoinRequestPath + "?refreshed=true") },
                SignInSetup.OidcScheme);
        }

        return Page();
    }
}
