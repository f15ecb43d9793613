using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CommunityOfPractice.Web.Infrastructure;

/// <summary><c>/health/live</c>: the process answers. <c>/health/ready</c>: the Api is ready too (it checks PostgreSQL).</summary>
public static class HealthSetup
{
    private const string ReadyTag = "ready";

    public static void AddHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpClient(ApiReadyCheck.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(5));
        builder.Services.AddHealthChecks().AddCheck<ApiReadyCheck>("api", tags: [ReadyTag]);
    }

    public static void MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
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
                    : HealthCheckResult.Unhealthy($"The Api at {address} answered {(int)response.StatusCode}.");
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                return HealthCheckResult.Unhealthy($"The Api at {address} did not answer.", exception);
            }
        }
    }
}
