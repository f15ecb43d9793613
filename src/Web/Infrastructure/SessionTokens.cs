using Microsoft.AspNetCore.Authentication;

namespace CommunityOfPractice.Web.Infrastructure;

public static class SessionTokens
{
    /// <summary>
    /// The signed-in person's access token from the session cookie, or null for a visitor. It reads
    /// what the authentication middleware already established for this request (tokens refreshed
    /// included), so calls made in parallel within one request do not authenticate again.
    /// </summary>
    public static async ValueTask<string?> GetAccessTokenAsync(this HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var token = context.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult?.Properties?.GetTokenValue("access_token")
            ?? await context.GetTokenAsync("access_token");
        return string.IsNullOrEmpty(token) ? null : token;
    }
}
