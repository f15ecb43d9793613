using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CommunityOfPractice.Api.Infrastructure.RateLimiting;

/// <summary>
/// ASP.NET Core's rate limiter with one fixed-window policy per flood-prone kind of request.
/// Each counts per member when the caller is signed in (a shared office address does not pool
/// its people) and per address otherwise. Nothing waits in a queue: past the limit the answer
/// is a 429 ProblemDetails with Retry-After at once, so a flood holds no server threads.
/// </summary>
public static class RateLimitSetup
{
    public static void AddRateLimits(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<RateLimitOptions>(builder.Configuration.GetSection(RateLimitOptions.Section));
        builder.Services.AddRateLimiter(options =>
        {
            foreach (var (name, limit) in RateLimitPolicies.All)
            {
                options.AddPolicy(name, context => Partition(context, name, limit));
            }

            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (rejected, cancellationToken) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                return ProblemDetailsExceptionHandler.WriteTooManyRequestsAsync(rejected.HttpContext, new TooManyRequestsException(retryAfter,
                    $"Too many requests of this kind just now. Try again in {TooManyRequestsException.Describe(retryAfter)}."));
            };
        });
    }

    /// <summary>After authentication, so a bearer token's subject can name the partition.</summary>
    public static void UseRateLimits(this WebApplication app) => app.UseRateLimiter();

    /// <summary>"member:{sub}" when signed in, else "ip:{address}": the partition a caller counts in.</summary>
    public static string PartitionKey(ClaimsPrincipal? user, HttpContext? http) =>
        user?.FindFirstValue(Claims.Subject) is { Length: > 0 } subject
            ? $"member:{subject}"
            : $"ip:{http?.Connection.RemoteIpAddress?.ToString() ?? "unknown"}";

    private static RateLimitPartition<string> Partition(HttpContext context, string name, Func<RateLimitOptions, RateLimit> pick)
    {
        // Showing a form (the sign-in page is part of every OIDC round trip) is not an attempt;
        // only searches count their reads.
        if (name != RateLimitPolicies.Search && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)))
        {
            return RateLimitPartition.GetNoLimiter("read");
        }

        var limit = pick(context.RequestServices.GetRequiredService<IOptionsMonitor<RateLimitOptions>>().CurrentValue);
        return RateLimitPartition.GetFixedWindowLimiter(PartitionKey(context.User, context), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(limit.PermitLimit, 1),
            Window = limit.Window > TimeSpan.Zero ? limit.Window : TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }
}
