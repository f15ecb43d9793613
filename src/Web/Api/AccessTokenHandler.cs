using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;

namespace CommunityOfPractice.Web.Api;

/// <summary>
/// Puts the signed-in person's access token (kept in their server-side session record) on calls to
/// the Api. Visitors' calls go without one; the Api decides what they may see. When the Api refuses
/// the token (the session was ended elsewhere: signed out on another copy, suspended, deleted),
/// the Web session ends here too, and the page loads again as a visitor's (<see cref="SessionEndedFilter"/>).
/// </summary>
public sealed class AccessTokenHandler(IHttpContextAccessor httpContextAccessor, ILogger<AccessTokenHandler> logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = httpContextAccessor.HttpContext;
        var accessToken = context is null ? null : await context.GetAccessTokenAsync();
        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized && accessToken is not null && context is { Response.HasStarted: false }
            && context.RequestServices.GetRequiredService<SessionEnding>().TryEnd())
        {
            logger.LogInformation("The Api refused this session's access token; ending the Web session");
            await context.SignOutAsync(SignInSetup.CookieScheme);
            context.User = new ClaimsPrincipal(new ClaimsIdentity());
        }

        return response;
    }
}
