using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CommunityOfPractice.Api.Identity;

/// <summary>
/// The sign-in server's cookie identity, plus the moment of signing in to the millisecond: the
/// cookie's own issue time is kept to the second and renewed as it slides, so it cannot tell a
/// sign-in from a sign-out a moment later (<see cref="SignInSessions.CookieStillStands"/>).
/// </summary>
public sealed class SignInClaimsFactory(
    UserManager<AppUser> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options, TimeProvider clock)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole<Guid>>(users, roles, options)
{
    public const string SignedInAtClaim = "cop_signed_in_at";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(SignedInAtClaim, clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)));
        return identity;
    }

    public static DateTimeOffset? SignedInAt(ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirstValue(SignedInAtClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds)
            ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds)
            : null;
}
