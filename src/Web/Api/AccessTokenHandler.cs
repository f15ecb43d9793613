using System.Net.Http.Headers;

namespace CommunityOfPractice.Web.Api;

/// <summary>
/// Puts the signed-in person's access token (kept in their encrypted session cookie) on calls to
/// the Api. Visitors' calls go without one; the Api decides what they may see.
/// </summary>
public sealed class AccessTokenHandler(IHttpContextAccessor httpContextAccessor) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (httpContextAccessor.HttpContext is { } context && await context.GetAccessTokenAsync() is { } accessToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
