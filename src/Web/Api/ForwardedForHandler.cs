namespace CommunityOfPractice.Web.Api;

/// <summary>
/// Tells the Api which browser a call is made for (<c>X-Forwarded-For</c>), so the Api's limits
/// per network address count each visitor, not this Web server that calls for all of them. The
/// Api believes it only from proxies it trusts (loopback, or <c>ForwardedHeaders__TrustAllProxies</c>).
/// </summary>
public sealed class ForwardedForHandler(IHttpContextAccessor httpContextAccessor) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (httpContextAccessor.HttpContext?.Connection.RemoteIpAddress is { } address)
        {
            request.Headers.Remove("X-Forwarded-For");
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", address.ToString());
        }

        return base.SendAsync(request, cancellationToken);
    }
}
