using CommunityOfPractice.Api.Infrastructure.RateLimiting;
using Microsoft.AspNetCore;
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
        app.MapMethods("/connect/logout", [HttpMethods.Get, HttpMethods.Post], EndSessionAsync).ExcludeFromDescription().DisableAntiforgery();
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
                    ? "This account cannot sign in yet: confirm the email address first."
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
                return Forbid(Errors.InvalidGrant, "This session is no longer valid. Sign in again.");
            }

            var principal = await principals.CreateAsync(user, stored.Principal!.GetScopes(), context.RequestAborted);
            return Results.SignIn(principal, authenticationScheme: Server);
        }

        return Forbid(Errors.UnsupportedGrantType, "This grant type is not supported.");
    }

    private static async Task<IResult> EndSessionAsync(HttpContext context, SignInManager<AppUser> signIn)
    {
        await signIn.SignOutAsync();
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [Server]);
    }

    private static IResult Forbid(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [Server]);
}
