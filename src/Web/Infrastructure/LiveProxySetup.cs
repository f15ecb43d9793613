using System.Net.Http.Headers;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Transforms;

namespace CommunityOfPractice.Web.Infrastructure;

/// <summary>
/// Browsers reach the Api's live hub through the Web (<c>/hubs/*</c>, WebSockets included): the
/// proxy adds the signed-in person's access token from the session, so it never reaches the browser.
/// </summary>
public static class LiveProxySetup
{
    private const string ClusterId = "api";

    public static void AddLiveProxy(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IProxyConfigProvider, ApiProxyConfigProvider>();
        builder.Services.AddReverseProxy()
            .AddTransforms(transforms => transforms.AddRequestTransform(AttachSessionTokenAsync));
    }

    private static async ValueTask AttachSessionTokenAsync(RequestTransformContext context)
    {
        var http = context.HttpContext;

        // The hub speaks its own protocol; an HTML error page in its place would only confuse the client.
        if (http.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
        {
            statusCodePages.Enabled = false;
        }

        // The Web's cookies are the Web's business; the Api authenticates the bearer token only.
        context.ProxyRequest.Headers.Remove("Cookie");
        context.ProxyRequest.Headers.Authorization = null;
        if (IsFromThisSite(http.Request) && await http.GetAccessTokenAsync() is { } accessToken)
        {
            context.ProxyRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }
    }

    // The session cookie becomes a bearer token here, so only this site's own pages may use it: a
    // WebSocket opened by another site carries its own Origin (SameSite=Lax already keeps the cookie
    // off most cross-site requests; this covers same-site neighbours too).
    private static bool IsFromThisSite(HttpRequest request)
    {
        var origin = request.Headers.Origin;
        return origin.Count == 0
            || (origin.Count == 1 && string.Equals(origin[0], $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>One route, <c>/hubs/{**catch-all}</c>, to one destination, <c>Api:BaseUrl</c>.</summary>
    private sealed class ApiProxyConfigProvider(IOptions<ApiOptions> api) : IProxyConfigProvider
    {
        private readonly Lazy<IProxyConfig> _config = new(() => new Config(
            [
                new RouteConfig
                {
                    RouteId = "live-hubs",
                    ClusterId = ClusterId,
                    Match = new RouteMatch { Path = "/hubs/{**catch-all}" },
                },
            ],
            [
                new ClusterConfig
                {
                    ClusterId = ClusterId,
                    Destinations = new Dictionary<string, DestinationConfig>
                    {
                        ["api"] = new() { Address = api.Value.BaseUrl.ToString() },
                    },
                },
            ]));

        public IProxyConfig GetConfig() => _config.Value;
    }

    private sealed class Config(IReadOnlyList<RouteConfig> routes, IReadOnlyList<ClusterConfig> clusters) : IProxyConfig
    {
        public IReadOnlyList<RouteConfig> Routes => routes;

        public IReadOnlyList<ClusterConfig> Clusters => clusters;

        // The Api's address is fixed for the life of the process.
        public IChangeToken ChangeToken { get; } = new CancellationChangeToken(CancellationToken.None);
    }
}
