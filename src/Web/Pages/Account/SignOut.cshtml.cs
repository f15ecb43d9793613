using Microsoft.AspNetCore.Authentication;

namespace CommunityOfPractice.Web.Pages.Account;

/// <summary>
/// Ends the Web session and the Api (OIDC server) session. Only a POST signs out, so that a link
/// or an image on another site cannot; a GET shows the button.
/// </summary>
public sealed class SignOutModel(ILogger<SignOutModel> logger) : PageModel
{
    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return LocalRedirect("~/");
        }

        await HttpContext.SignOutAsync(SignInSetup.CookieScheme);
        try
        {
            // Redirects to the Api's end-session endpoint, which comes back to /signout-callback-oidc, then home.
            await HttpContext.SignOutAsync(SignInSetup.OidcScheme, new AuthenticationProperties { RedirectUri = Url.Content("~/") });
            return new EmptyResult();
        }
        catch (Exception exception) when (exception is InvalidOperationException or HttpRequestException)
        {
            // The Web session is over already; the Api's own session ends when it expires.
            logger.LogWarning(exception, "Signed out of the Web, but the Api's end-session endpoint is not available");
            TempData["Status"] = "You have signed out.";
            return LocalRedirect("~/");
        }
    }
}
