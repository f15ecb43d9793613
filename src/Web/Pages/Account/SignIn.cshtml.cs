using Microsoft.AspNetCore.Authentication;

namespace CommunityOfPractice.Web.Pages.Account;

/// <summary>
/// Sends the person to the Api's sign-in page (the OIDC server) and back to where they were going.
/// Only straight after joining does it stop here first, to say the account is ready.
/// </summary>
public sealed class SignInModel(ILogger<SignInModel> logger) : PageModel
{
    public const string JoinedKey = "Joined";
    public const string JoinedEmailKey = "JoinedEmail";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool Joined { get; private set; }

    public bool Unavailable { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool @continue = false)
    {
        var returnUrl = LocalOnly(ReturnUrl);
        if (!@continue && TempData[JoinedKey] is string)
        {
            // TempData is read once: the "Sign in" button on this page comes back here and goes on.
            Joined = true;
            ReturnUrl = returnUrl;
            TempData.Keep(JoinedEmailKey);
            return Page();
        }

        var properties = new AuthenticationProperties { RedirectUri = returnUrl };
        if (TempData[JoinedEmailKey] is string email)
        {
            properties.SetParameter(SignInSetup.LoginHintParameter, email);
        }

        try
        {
            // Challenged here rather than through a ChallengeResult so that an unreachable Api is a page, not a 500.
            await HttpContext.ChallengeAsync(SignInSetup.OidcScheme, properties);
            return new EmptyResult();
        }
        catch (Exception exception) when (exception is InvalidOperationException or HttpRequestException)
        {
            logger.LogWarning(exception, "Could not start signing in: the Api's OIDC metadata is not available");
            Unavailable = true;
            ReturnUrl = returnUrl;
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Page();
        }
    }

    private string LocalOnly(string? returnUrl) => Url.IsLocalUrl(returnUrl) ? returnUrl : Url.Content("~/");
}
