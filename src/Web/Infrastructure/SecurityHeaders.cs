using Microsoft.Extensions.Options;

namespace CommunityOfPractice.Web.Infrastructure;

/// <summary>
/// Headers every response carries. The CSP allows nothing inline (no inline scripts or styles in
/// the pages); forms may also go to the Api because sign-out (a POST) redirects to its end-session
/// endpoint and browsers check form-action along the redirect chain.
/// </summary>
public static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var apiOrigin = app.ApplicationServices.GetRequiredService<IOptions<ApiOptions>>().Value.BrowserOrigin;
        return app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            var webSocketOrigin = (context.Request.IsHttps ? "wss://" : "ws://") + context.Request.Host;
            headers.ContentSecurityPolicy = string.Join("; ",
                "default-src 'self'",
                "script-src 'self'",
                "style-src 'self'",
                "img-src 'self' data:",
                "font-src 'self'",
                $"connect-src 'self' {webSocketOrigin}",
                "object-src 'none'",
                "frame-ancestors 'none'",
                "base-uri 'self'",
                $"form-action 'self' {apiOrigin}");
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            // A signed-in person's pages carry their own data: no browser or proxy keeps a copy
            // (the back button on a shared computer after signing out shows nothing).
            context.Response.OnStarting(() =>
            {
                if (context.User.Identity?.IsAuthenticated == true && !headers.ContainsKey("Cache-Control"))
                {
                    headers.CacheControl = "no-store";
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
    }
}
