using CommunityOfPractice.Contracts.Live;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace CommunityOfPractice.Api.Live;

public static class LiveSetup
{
    public static void AddLiveUpdates(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var signalR = services.AddSignalR(options =>
        {
            options.EnableDetailedErrors = builder.Environment.IsDevelopment();
            options.AddFilter<SubscriptionLimits>();
        });
        services.AddSingleton<SubscriptionLimits>();

        // JSON stays the default; a client may ask for MessagePack instead (fewer bytes, less to
        // parse), which carries the very shape the JSON has (LiveMessagePack, ADR 0015).
        signalR.AddMessagePackProtocol();
        services.AddOptions<MessagePackHubProtocolOptions>()
            .Configure<IOptions<JsonHubProtocolOptions>>((messagePack, json) =>
                messagePack.SerializerOptions = LiveMessagePack.Options(json.Value.PayloadSerializerOptions));

        // Several Api instances share hub messages and presence counts through Redis; one instance needs nothing.
        services.Configure<LiveOptions>(builder.Configuration.GetSection("Live"));
        var redis = builder.Configuration["Redis:Configuration"];
        if (!string.IsNullOrWhiteSpace(redis))
        {
            signalR.AddStackExchangeRedis(redis, options =>
            {
                options.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal("cop");
                // Back within a second of Redis: the default backs off to tens of seconds, and
                // cross-instance delivery waits that long after an outage ends.
                options.Configuration.ReconnectRetryPolicy = new StackExchange.Redis.LinearRetry(1000);
            });
            services.AddSingleton(_ => new LiveRedis(redis));
            services.AddSingleton<IPresenceTotals, RedisPresenceTotals>();
            services.AddSingleton<IStreamTurns, RedisStreamTurns>();
        }
        else
        {
            services.AddSingleton<IPresenceTotals, LocalPresenceTotals>();
            services.AddSingleton<IStreamTurns, LocalStreamTurns>();

            // One instance: our fan-out, with a bounded queue per connection (a slow reader is told to reset).
            services.AddSingleton<LiveDelivery>();
            services.AddSingleton<HubLifetimeManager<LiveHub>>(provider => provider.GetRequiredService<LiveDelivery>());
        }

        services.AddSingleton<Presence>();
        services.AddHostedService<PresenceBroadcaster>();
        services.AddSingleton<LiveConnections>();
        services.AddHostedService<AccessRecheck>();
        services.AddHostedService<StreamHeadsBeat>();
        services.AddSingleton<StreamEventPruner>();
        services.AddHostedService(provider => provider.GetRequiredService<StreamEventPruner>());
        services.AddSingleton<StreamSequencer>();
        services.AddSingleton<CatchUpReads>();
        services.AddScoped<LiveStreams>();
    }

    public static void MapLiveHub(this WebApplication app) =>
        app.MapHub<LiveHub>(LiveHub.Path, options => options.CloseOnAuthenticationExpiration = true);
}
