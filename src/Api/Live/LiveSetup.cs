using CommunityOfPractice.Api.Features.Qa;
using CommunityOfPractice.Api.Features.Threads;

namespace CommunityOfPractice.Api.Live;

public static class LiveSetup
{
    public static void AddLiveUpdates(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var signalR = services.AddSignalR(options => options.EnableDetailedErrors = builder.Environment.IsDevelopment());

        // Several Api instances share hub messages through Redis; one instance needs nothing.
        var redis = builder.Configuration["Redis:Configuration"];
        if (!string.IsNullOrWhiteSpace(redis))
        {
            signalR.AddStackExchangeRedis(redis, options => options.Configuration.ChannelPrefix =
                StackExchange.Redis.RedisChannel.Literal("cop"));
        }

        services.Configure<LiveOptions>(builder.Configuration.GetSection("Live"));
        services.AddSingleton<Presence>();
        services.AddHostedService<PresenceBroadcaster>();
        services.AddScoped<LiveStreams>();
        services.AddScoped<IStreamPolicy, ThreadStreamPolicy>();
        services.AddScoped<IStreamPolicy, QaStreamPolicy>();

        // Vote totals are coalesced per Q&A stream (one update per window), not sent per vote.
        services.Configure<VoteTotalsOptions>(builder.Configuration.GetSection("Live:VoteTotals"));
        services.AddSingleton<VoteTotals>();
        services.AddHostedService(provider => provider.GetRequiredService<VoteTotals>());
    }

    public static void MapLiveHub(this WebApplication app) =>
        app.MapHub<LiveHub>(LiveHub.Path, options => options.CloseOnAuthenticationExpiration = true);
}
