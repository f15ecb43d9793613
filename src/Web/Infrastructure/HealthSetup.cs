using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CommunityOfPractice.Web.Infrastructure;

/// <summary>
/// <c>/health/live</c>: the process answers. <c>/health/ready</c>: this Web instance can take
/// requests; it says <c>Degraded</c> (still 200) while the Api is not ready, because pages then
/// say the service is restarting, which is better than a balancer with no Web instance left to
/// send people to. <c>/health/api</c> is 503 while the Api is not ready, for whoever watches it.
/// </summary>
public static class HealthSetup
{
    private const string ReadyTag = "ready";
    private const string ApiTag = "api";

    public static void AddHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpClient(ApiReadyCheck.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(5));
        builder.Services.AddHealthChecks()
            .AddCheck<ApiReadyCheck>("api", failureStatus: HealthStatus.Degraded, tags: [ReadyTag, ApiTag]);
    }

    public static void MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        app.MapHealthChecks("/health/api", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ApiTag),
            ResultStatusCodes = { [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable },
        });
    }

    private sealed class ApiReadyCheck(IHttpClientFactory httpClientFactory, IOptions<ApiOptions> api) : IHealthCheck
    {
        public const string HttpClientName = "api-health";

        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var address = new Uri(api.Value.BaseUrl, "health/ready");
            try
            {
                using var response = await httpClientFactory.CreateClient(HttpClientName).GetAsync(address, cancellationToken);
                return response.IsSuccessStatusCode
                    ? HealthCheckResult.Healthy()
                    : new HealthCheckResult(context.Registration.FailureStatus, $"The Api at {address} answered {(int)response.StatusCode}.");
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                return new HealthCheckResult(context.Registration.FailureStatus, $"The Api at {address} did not answer.", exception);
            }
        }
    }
}
