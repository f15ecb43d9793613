using System.Security.Claims;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CommunityOfPractice.Api.Identity;

/// <summary>
/// Ends sign-in sessions on the server. A session is an OpenIddict authorization with its tokens
/// (access, refresh); the Api validates every access token against its stored entry, so a revoked
/// one stops at its next request, not when it expires. The sign-in server's own cookie goes with
/// it (<see cref="AppUser.SignedOutAt"/>).
/// </summary>
public sealed class SignInSessions(IOpenIddictAuthorizationManager authorizations, IOpenIddictTokenManager tokens, TimeProvider clock)
{
    /// <summary>Ends the session the given access token belongs to (signing out on one device).</summary>
    public async Task EndAsync(ClaimsPrincipal token, AppUser user, CancellationToken cancellationToken)
    {
        if (token.GetAuthorizationId() is { Length: > 0 } authorizationId)
        {
            await tokens.RevokeByAuthorizationIdAsync(authorizationId, cancellationToken);
            if (await authorizations.FindByIdAsync(authorizationId, cancellationToken) is { } authorization)
            {
                await authorizations.TryRevokeAsync(authorization, cancellationToken);
            }
        }

        // A token with no authorization (a password grant without offline_access) is its own session.
        if (token.GetTokenId() is { Length: > 0 } tokenId && await tokens.FindByIdAsync(tokenId, cancellationToken) is { } entry)
        {
            await tokens.TryRevokeAsync(entry, cancellationToken);
        }

        // Live connections opened with this session's token close within seconds (AccessRecheck).
        user.SignedOutAt = user.AccessChangedAt = clock.GetUtcNow();
    }

    /// <summary>Ends every session of the person, on every device (suspension, deletion).</summary>
    public async Task EndAllAsync(AppUser user, CancellationToken cancellationToken)
    {
        var subject = user.Id.ToString();
        await tokens.RevokeBySubjectAsync(subject, cancellationToken);
        await authorizations.RevokeBySubjectAsync(subject, cancellationToken);
        user.SignedOutAt = user.AccessChangedAt = clock.GetUtcNow();
    }

    /// <summary>
    /// Whether the sign-in server's cookie of a sign-in at <paramref name="signedInAt"/> may still
    /// stand for <paramref name="user"/>: not if they signed out since, nor while they are suspended.
    /// </summary>
    public static bool CookieStillStands(AppUser user, DateTimeOffset? signedInAt) =>
        !user.IsSuspended && (user.SignedOutAt is not { } signedOut || (signedInAt is { } signedIn && signedIn > signedOut));
}
