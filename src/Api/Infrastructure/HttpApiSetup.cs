using System.Text.Json.Serialization;
using CommunityOfPractice.Api.Features.Account;
using CommunityOfPractice.Api.Features.Audit;
using CommunityOfPractice.Api.Features.Events;
using CommunityOfPractice.Api.Features.Events.Qa;
using CommunityOfPractice.Api.Features.Library;
using CommunityOfPractice.Api.Features.Notifications;
using CommunityOfPractice.Api.Features.Organisations;
using CommunityOfPractice.Api.Features.People;
using CommunityOfPractice.Api.Features.Places;
using CommunityOfPractice.Api.Features.Portfolio;
using CommunityOfPractice.Api.Features.Profile;
using CommunityOfPractice.Api.Features.Stages;
using CommunityOfPractice.Api.Features.Tags;
using CommunityOfPractice.Api.Features.Threads;
using CommunityOfPractice.Api.Infrastructure.OpenApi;
using CommunityOfPractice.Api.Infrastructure.RateLimiting;
using CommunityOfPractice.Api.Live;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.HttpOverrides;
using Scalar.AspNetCore;

namespace CommunityOfPractice.Api.Infrastructure;

public static class HttpApiSetup
{
    public static void AddHttpApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<JsonOptions>(options =>
        {
            // Unknown fields are a client mistake worth telling about, not something to ignore.
            options.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
            options.SerializerOptions.Converters.Add(new StorableText.Converter());
        });
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions.Remove("exception"));
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<BearerSecurityTransformer>();
            options.AddDocumentTransformer<ApiDescriptionTransformer>();
            options.AddOperationTransformer<AuthorizationResponsesTransformer>();
        });
        services.AddSingleton(TimeProvider.System);
        builder.AddRateLimits();
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            // Behind TLS-terminating ingress the Api must see the browser's https scheme, or the
            // OIDC server refuses plain HTTP; trust all proxies only when told they are ours.
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            if (builder.Configuration.GetValue<bool>("ForwardedHeaders:TrustAllProxies"))
            {
                options.KnownIPNetworks.Clear();
                options.KnownProxies.Clear();
            }
        });
    }

    public static void UseHttpApi(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages(ProblemDetailsExceptionHandler.WriteStatusAsync);
        app.UseRequestCharsetCheck();
        app.UseStorableText();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseSecurityHeaders();
        app.UseStaticFiles();
        app.UseAuthenticationAndAuthorization();
        app.UseRateLimits();

        app.MapOpenApi();
        if (app.Environment.IsDevelopment())
        {
            app.MapScalarApiReference();
        }

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
    }

    public static void MapFeatureEndpoints(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1");
        api.MapAccountEndpoints();
        api.MapProfileEndpoints();
        api.MapPlaceEndpoints();
        api.MapOrganisationEndpoints();
        api.MapStageEndpoints();
        api.MapPeopleEndpoints();
        api.MapThreadEndpoints();
        api.MapEventEndpoints();
        api.MapQaEndpoints();
        api.MapLibraryEndpoints();
        api.MapPortfolioEndpoints();
        api.MapTagEndpoints();
        api.MapNotificationEndpoints();
        api.MapAuditEndpoints();
    }
}
