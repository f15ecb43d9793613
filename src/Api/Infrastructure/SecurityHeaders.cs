namespace CommunityOfPractice.Api.Infrastructure;

public static class SecurityHeaders
{
    public static void UseSecurityHeaders(this WebApplication app)
    {
        // Chrome checks form-action on every redirect after a form post: signing in posts to this
        // server, which redirects through /connect/authorize to the Web's /signin-oidc.
        var webOrigins = string.Join(' ', (app.Configuration["Web:BaseUrl"] ?? string.Empty)
            .Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(url => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : null)
            .OfType<string>());
        var signInPolicy =
            $"default-src 'self'; script-src 'none'; style-src 'self'; frame-ancestors 'none'; form-action 'self' {webOrigins}; base-uri 'self'";

        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                // Set when the response starts, so error responses written later carry them too.
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                // What a signed-in caller gets is theirs: not stored by browsers or proxies.
                if (context.User.Identity?.IsAuthenticated == true && !headers.ContainsKey("Cache-Control"))
                {
                    headers.CacheControl = "no-store";
                }

                if (context.Request.Path.StartsWithSegments("/account"))
                {
                    // The sign-in page: no script at all and never framed (clickjacking).
                    headers.ContentSecurityPolicy = signInPolicy;
                    headers.XFrameOptions = "DENY";
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
    }
}
