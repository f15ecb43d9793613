using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CommunityOfPractice.Api.Infrastructure.Telemetry;

/// <summary>
/// OpenTelemetry traces and metrics for ASP.NET Core (the hub's requests included), outgoing HTTP,
/// Npgsql and the runtime, plus <see cref="AppMetrics"/>. Metrics are scraped at <c>/metrics</c>
/// (Prometheus text); traces and metrics also go by OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>
/// is set (the standard OTEL_* variables configure the exporter).
/// </summary>
public static class TelemetrySetup
{
    public const string ServiceName = "community-of-practice-api";

    public static void AddTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AppMetrics>();
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !context.Request.Path.StartsWithSegments("/health")
                    && !context.Request.Path.StartsWithSegments("/metrics"))
                .AddHttpClientInstrumentation()
                .AddSource("Npgsql"))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("Npgsql", AppMetrics.MeterName, "Microsoft.AspNetCore.Http.Connections", "Microsoft.AspNetCore.RateLimiting")
                .AddPrometheusExporter());
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
        }
    }

    /// <summary>The scrape endpoint. Operational figures, no personal data; keep it off the public ingress.</summary>
    public static void MapTelemetry(this WebApplication app) => app.MapPrometheusScrapingEndpoint("/metrics");
}
