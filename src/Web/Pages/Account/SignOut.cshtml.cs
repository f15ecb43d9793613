using CommunityOfPractice.Web.Api;
using Microsoft.AspNetCore.Authentication;

namespace CommunityOfPractice.Web.Pages.Account;

/// <summary>
/// Ends the session everywhere it lives: the Api revokes its tokens and forgets the browser at its
/// sign-in page, then the Web deletes its session record, so a copied cookie or refresh token is
/// refused afterwards. Only a POST signs out, so that a link or an image on another site cannot;
/// a GET shows the button.
/// </summary>
public sealed class SignOutModel(ApiClient api, ILogger<SignOutModel> logger) : PageModel
{
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return LocalRedirect("~/");
        }

        var ended = await api.EndMySessionAsync(cancellationToken);
        if (!ended.Succeeded && !ended.Problem.IsUnauthorized)
        {
            // The Web session ends anyway; its tokens expire on their own (15 minutes, and the
            // refresh token is never used again: only this session record held it).
            logger.LogWarning("Signed out of the Web, but the Api did not end the session: {Status}", ended.Problem.Status);
        }

        await HttpContext.SignOutAsync(SignInSetup.CookieScheme);
        TempData["Status"] = "You have signed out.";
        return LocalRedirect("~/");
    }
}
