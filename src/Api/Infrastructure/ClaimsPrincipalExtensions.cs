using System.Security.Claims;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CommunityOfPractice.Api.Infrastructure;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The signed-in member's id: the token's subject.</summary>
    public static Guid MemberId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(Claims.Subject), out var id)
            ? id
            : throw new InvalidOperationException("The caller has no subject claim; the endpoint must require authorization.");
}
