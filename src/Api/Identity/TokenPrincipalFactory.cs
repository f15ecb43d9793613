using System.Collections.Immutable;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CommunityOfPractice.Api.Identity;

/// <summary>
/// Builds the identity that goes into tokens: subject, name, email and roles, read fresh from the
/// database each time a token is issued or refreshed, so a role change reaches the next token.
/// </summary>
public sealed class TokenPrincipalFactory(AppDbContext db, UserManager<AppUser> users)
{
    public async Task<ClaimsPrincipal> CreateAsync(AppUser user, ImmutableArray<string> scopes, CancellationToken cancellationToken)
    {
        var displayName = await db.Members.Where(m => m.Id == user.Id).Select(m => m.DisplayName)
            .SingleOrDefaultAsync(cancellationToken) ?? user.Email!;
        var roles = await users.GetRolesAsync(user);

        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Id.ToString())
            .SetClaim(Claims.Name, displayName)
            .SetClaim(Claims.Email, user.Email)
            .SetClaims(Claims.Role, [.. roles]);
        identity.SetScopes(scopes);
        identity.SetResources(IdentitySetup.ApiScope);
        identity.SetDestinations(claim => Destinations(claim, identity));
        return new ClaimsPrincipal(identity);
    }

    private static IEnumerable<string> Destinations(Claim claim, ClaimsIdentity identity)
    {
        yield return OpenIddictConstants.Destinations.AccessToken;

        var inIdentityToken = claim.Type switch
        {
            Claims.Name => identity.HasScope(Scopes.Profile),
            Claims.Email => identity.HasScope(Scopes.Email),
            Claims.Role => identity.HasScope(Scopes.Roles),
            Claims.Subject => true,
            _ => false,
        };
        if (inIdentityToken)
        {
            yield return OpenIddictConstants.Destinations.IdentityToken;
        }
    }
}
