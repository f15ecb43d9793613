using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CommunityOfPractice.Api.Identity;
using CommunityOfPractice.Api.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CommunityOfPractice.Api.Pages.Account;

/// <summary>
/// The sign-in page of the OIDC server. The Web sends people here during the authorization code
/// flow; after a successful sign-in they return to the authorization request (ReturnUrl).
/// </summary>
[EnableRateLimiting(RateLimitPolicies.SignIn)]
public sealed class LoginModel(
    SignInManager<AppUser> signIn, UserManager<AppUser> users, SignInThrottle throttle, RememberedDevices devices, IConfiguration configuration)
    : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Message { get; private set; }

    public string RegisterUrl => $"{(configuration["Web:BaseUrl"] ?? "http://localhost:5080").Split([';', ','])[0].TrimEnd('/')}/Account/Register";

    public void OnGet()
    {
        // The Web passes the address someone just registered with as login_hint.
        if (Url.IsLocalUrl(ReturnUrl) && ReturnUrl.IndexOf('?', StringComparison.Ordinal) is var at and >= 0)
        {
            var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(ReturnUrl[at..]);
            if (query.TryGetValue("login_hint", out var hint) && hint.ToString().Length <= 256)
            {
                Input.Email = hint.ToString();
            }
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            Message = "Enter your email and password.";
            return Page();
        }

        var user = await users.FindByEmailAsync(Input.Email);
        // The owner's own browser is not held up by strangers guessing at the account.
        var remembered = devices.IsRemembered(Request, user);
        SignInThrottle.Attempt attempt;
        try
        {
            attempt = await throttle.BeginAsync(Input.Email, HttpContext.Connection.RemoteIpAddress, remembered, cancellationToken);
        }
        catch (TooManyRequestsException tooMany)
        {
            // A page, not a problem document: the person reads the wait where they typed.
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = tooMany.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            Message = tooMany.Message;
            return Page();
        }

        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: false);

        if (result.Succeeded)
        {
            await throttle.SucceededAsync(attempt, cancellationToken);
            devices.Remember(Response, user!);
            // Only ever return into this server's own authorization endpoint: no open redirects.
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "~/");
        }

        Message = result switch
        {
            { IsLockedOut: true } => "This account is suspended. Ask the community's moderators.",
            { IsNotAllowed: true } => AppSignInManager.NotAllowedMessage(user),
            _ => "The email or password is not right.",
        };
        return Page();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address.")]
        public string Email { get; set; } = string.Empty;

        [Required(ErrorMessage = "Enter your password.")]
        public string Password { get; set; } = string.Empty;
    }
}
