using CommunityOfPractice.Api.Infrastructure.RateLimiting;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CommunityOfPractice.Api.Identity;

/// <summary>
/// The OIDC server's pass-through endpoints: OpenIddict validates the protocol, these decide who
/// the person is. All clients are first-party, so there is no consent screen.
/// </summary>
public static class OidcEndpoints
{
    private const string Server = OpenIddictServerAspNetCoreDefaults.AuthenticationScheme;

    public static void MapOidcEndpoints(this WebApplication app)
    {
        app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], AuthorizeAsync).ExcludeFromDescription();
        app.MapPost("/connect/token", ExchangeAsync).ExcludeFromDescription().DisableAntiforgery()
            .RequireRateLimiting(RateLimitPolicies.Token);
        // Signing out changes state, so only a POST carrying the sign-out page's antiforgery token
        // does it; a GET (how applications send people here) shows that page.
        app.MapGet("/connect/logout", (HttpContext context) => Results.Redirect("/account/logout" + context.Request.QueryString))
            .ExcludeFromDescription();
        app.MapPost("/connect/logout", EndSessionAsync).ExcludeFromDescription().DisableAntiforgery();
        app.MapMethods("/connect/userinfo", [HttpMethods.Get, HttpMethods.Post], UserInfoAsync).ExcludeFromDescription().DisableAntiforgery();
        app.MapRazorPages();
    }

    private static async Task<IResult> AuthorizeAsync(
        HttpContext context, UserManager<AppUser> users, SignInManager<AppUser> signIn, TokenPrincipalFactory principals)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");

        var result = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var user = result.Succeeded ? await users.GetUserAsync(result.Principal) : null;
        if (user is null || !await signIn.CanSignInAsync(user) || request.HasPromptValue(PromptValues.Login))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Forbid(Errors.LoginRequired, "The person is not signed in.");
            }

            // Back to this same request once the person has signed in (minus prompt=login, to avoid a loop).
            var parameters = context.Request.HasFormContentType ? [.. context.Request.Form] : context.Request.Query.ToList();
            parameters.RemoveAll(p => p.Key == Parameters.Prompt);
            var returnUrl = context.Request.PathBase + context.Request.Path + QueryString.Create(parameters);
            return Results.Challenge(new AuthenticationProperties { RedirectUri = returnUrl }, [IdentityConstants.ApplicationScheme]);
        }

        var principal = await principals.CreateAsync(user, request.GetScopes(), context.RequestAborted);
        return Results.SignIn(principal, authenticationScheme: Server);
    }

    private static async Task<IResult> ExchangeAsync(
        HttpContext context, UserManager<AppUser> users, SignInManager<AppUser> signIn, TokenPrincipalFactory principals, SignInThrottle throttle)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");

        if (request.IsPasswordGrantType())
        {
            // Counted before the password is looked at; too soon after failures is a 429 with
            // Retry-After (through the one ProblemDetails handler), never a locked account.
            var attempt = await throttle.BeginAsync(request.Username, context.Connection.RemoteIpAddress, rememberedDevice: false, context.RequestAborted);
            var user = await users.FindByEmailAsync(request.Username ?? string.Empty);
            if (user is null)
            {
                return Forbid(Errors.InvalidGrant, "The email or password is not right.");
            }

            var check = await signIn.CheckPasswordSignInAsync(user, request.Password ?? string.Empty, lockoutOnFailure: false);
            if (check.IsLockedOut)
            {
                return Forbid(Errors.InvalidGrant, "This account is suspended.");
            }

            if (!check.Succeeded)
            {
                return Forbid(Errors.InvalidGrant, check.IsNotAllowed
                    ? AppSignInManager.NotAllowedMessage(user)
                    : "The email or password is not right.");
            }

            await throttle.SucceededAsync(attempt, context.RequestAborted);
            var principal = await principals.CreateAsync(user, request.GetScopes(), context.RequestAborted);
            return Results.SignIn(principal, authenticationScheme: Server);
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            // The code or refresh token was validated by OpenIddict; re-read the person so that a
            // locked account stops refreshing and role changes reach the new token.
            var stored = await context.AuthenticateAsync(Server);
            var user = stored.Principal?.GetClaim(Claims.Subject) is { } subject ? await users.FindByIdAsync(subject) : null;
            if (user is null || !await signIn.CanSignInAsync(user) || await users.IsLockedOutAsync(user))
            {
                return Forbid(Errors.InvalidGrant, user?.IsSuspended == true
                    ? AppSignInManager.NotAllowedMessage(user)
                    : "This session is no longer valid. Sign in again.");
            }

            var principal = await principals.CreateAsync(user, stored.Principal!.GetScopes(), context.RequestAborted);
            return Results.SignIn(principal, authenticationScheme: Server);
        }

        return Forbid(Errors.UnsupportedGrantType, "This grant type is not supported.");
    }

    private static async Task<IResult> EndSessionAsync(
        HttpContext context, IAntiforgery antiforgery, SignInManager<AppUser> signIn, UserManager<AppUser> users, TimeProvider clock)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Sign out from the sign-out page",
                detail: "This sign-out did not come from the sign-out page. Open it and press Sign out.");
        }

        // The browser's sign-in cookie stops standing wherever it was copied, not only here.
        var cookie = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (cookie.Principal is { } principal && await users.GetUserAsync(principal) is { } user)
        {
            user.SignedOutAt = clock.GetUtcNow();
            await users.UpdateAsync(user);
        }

        await signIn.SignOutAsync();
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [Server]);
    }

    /// <summary>
    /// OIDC UserInfo: the claims the access token's scopes allow, read fresh. OpenIddict has already
    /// checked the token (issued by this server, for openid, still valid).
    /// </summary>
    private static async Task<IResult> UserInfoAsync(HttpContext context, UserManager<AppUser> users, AppDbContext db)
    {
        var token = (await context.AuthenticateAsync(Server)).Principal;
        var user = token?.GetClaim(Claims.Subject) is { } subject ? await users.FindByIdAsync(subject) : null;
        if (token is null || user is null || user.IsSuspended)
        {
            return Results.Challenge(new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidToken,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The access token is no longer valid.",
            }), [Server]);
        }

        var claims = new Dictionary<string, object>(StringComparer.Ordinal) { [Claims.Subject] = user.Id.ToString() };
        if (token.HasScope(Scopes.Profile))
        {
            claims[Claims.Name] = await db.Members.Where(m => m.Id == user.Id).Select(m => m.DisplayName).SingleOrDefaultAsync() ?? user.Email!;
        }

        if (token.HasScope(Scopes.Email))
        {
            claims[Claims.Email] = user.Email!;
            claims[Claims.EmailVerified] = user.EmailConfirmed;
        }

        if (token.HasScope(Scopes.Roles))
        {
            claims[Claims.Role] = await users.GetRolesAsync(user);
        }

        return Results.Ok(claims);
    }

    private static IResult Forbid(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [Server]);
}
