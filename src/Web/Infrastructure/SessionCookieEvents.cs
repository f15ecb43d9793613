using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.IdentityModel.JsonWebTokens;

namespace CommunityOfPractice.Web.Infrastructure;

/// <summary>
/// Ends a session at its absolute lifetime, however busy. Keeps a session's access token fresh: shortly before it expires, the refresh token is exchanged
/// for new tokens, which go back into the session record. When the Api refuses, the session
/// ends and the person signs in again; when the Api is down, the session is kept.
/// </summary>
public sealed class SessionCookieEvents(
    TokenRefresher refresher, ServerSideSessions sessions, TimeProvider clock, ILogger<SessionCookieEvents> logger)
    : CookieAuthenticationEvents
{
    private static readonly TimeSpan _refreshBefore = TimeSpan.FromSeconds(60);

    // Claims read from a refreshed id_token: who the person is now, so role changes reach the session.
    private static readonly HashSet<string> _profileClaims = new(StringComparer.Ordinal) { "name", "email", "role" };

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var properties = context.Properties;
        if (clock.GetUtcNow() >= sessions.EndsBy(properties))
        {
            await EndSessionAsync(context, "its absolute lifetime is over");
            return;
        }

        if (!DateTimeOffset.TryParse(properties.GetTokenValue("expires_at"), CultureInfo.InvariantCulture, DateTimeStyles.None, out var expiresAt)
            || expiresAt - clock.GetUtcNow() > _refreshBefore)
        {
            return;
        }

        if (properties.GetTokenValue("refresh_token") is not { Length: > 0 } refreshToken)
        {
            await EndSessionAsync(context, "no refresh token");
            return;
        }

        var outcome = await refresher.RefreshAsync(refreshToken, context.HttpContext.RequestAborted);
        switch (outcome)
        {
            case RefreshOutcome.Refreshed refreshed:
                StoreTokens(properties, refreshed);
                if (refreshed.IdToken is { } idToken && WithClaimsFrom(context.Principal, idToken) is { } principal)
                {
                    context.ReplacePrincipal(principal);
                }

                context.ShouldRenew = true;
                break;
            case RefreshOutcome.Rejected rejected:
                await EndSessionAsync(context, rejected.Error);
                break;
            default:
                // The Api is down: pages will say so; the next request tries again.
                break;
        }
    }

    /// <summary>
    /// Refreshes the session's tokens now, not when they run out: an applicant whose join request
    /// was just approved gets the member role in this session without waiting 15 minutes or
    /// signing in again. False when there was nothing to refresh or the Api refused.
    /// </summary>
    public async Task<bool> RefreshNowAsync(HttpContext httpContext)
    {
        var session = await httpContext.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        if (!session.Succeeded || session.Properties.GetTokenValue("refresh_token") is not { Length: > 0 } refreshToken)
        {
            return false;
        }

        if (await refresher.RefreshAsync(refreshToken, httpContext.RequestAborted) is not RefreshOutcome.Refreshed refreshed)
        {
            return false;
        }

        StoreTokens(session.Properties, refreshed);
        var principal = refreshed.IdToken is { } idToken ? WithClaimsFrom(session.Principal, idToken) ?? session.Principal : session.Principal;
        await httpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal, session.Properties);
        return true;
    }

    private async Task EndSessionAsync(CookieValidatePrincipalContext context, string reason)
    {
        logger.LogInformation("Ending a session whose tokens cannot be refreshed ({Reason})", reason);
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(context.Scheme.Name);
    }

    private static void StoreTokens(AuthenticationProperties properties, RefreshOutcome.Refreshed refreshed)
    {
        var tokens = properties.GetTokens().ToDictionary(t => t.Name, t => t.Value, StringComparer.Ordinal);
        tokens["access_token"] = refreshed.AccessToken;
        tokens["refresh_token"] = refreshed.RefreshToken;
        tokens["expires_at"] = refreshed.ExpiresAt.ToString("o", CultureInfo.InvariantCulture);

        properties.StoreTokens(tokens.Select(t => new AuthenticationToken { Name = t.Key, Value = t.Value }));
    }

    /// <summary>
    /// The session's identity with name, email and roles taken from a refreshed id_token. The token
    /// came straight from the token endpoint over the back channel, which OIDC Core (3.1.3.7) accepts
    /// in place of a signature check; it must still be about the same person.
    /// </summary>
    private ClaimsPrincipal? WithClaimsFrom(ClaimsPrincipal? current, string idToken)
    {
        if (current?.Identity is not ClaimsIdentity identity)
        {
            return null;
        }

        JsonWebToken token;
        try
        {
            token = new JsonWebToken(idToken);
        }
        catch (ArgumentException exception)
        {
            logger.LogWarning(exception, "A refreshed id_token could not be read; keeping the session's claims");
            return null;
        }

        if (token.Subject != identity.FindFirst("sub")?.Value)
        {
            logger.LogWarning("A refreshed id_token is about someone else; keeping the session's claims");
            return null;
        }

        var claims = identity.Claims.Where(c => !_profileClaims.Contains(c.Type))
            .Select(c => new Claim(c.Type, c.Value, c.ValueType, c.Issuer))
            .Concat(token.Claims.Where(c => _profileClaims.Contains(c.Type))
                .Select(c => new Claim(c.Type, c.Value, c.ValueType, identity.FindFirst("sub")?.Issuer ?? c.Issuer)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, identity.AuthenticationType, identity.NameClaimType, identity.RoleClaimType));
    }
}
