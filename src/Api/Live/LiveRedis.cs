using StackExchange.Redis;

namespace CommunityOfPractice.Api.Live;

/// <summary>
/// The one connection to Redis for what the live features keep there themselves (presence counts,
/// stream turns); SignalR's backplane has its own. Connected on first use; Redis down at start, or
/// later, is an outage of hints: it keeps trying, once a second, in the background.
/// </summary>
public sealed class LiveRedis(string configuration) : IAsyncDisposable
{
    private readonly Lazy<Task<ConnectionMultiplexer>> _connection = new(() => ConnectAsync(configuration));

    public Task<ConnectionMultiplexer> ConnectionAsync() => _connection.Value;

    public async ValueTask DisposeAsync()
    {
        if (_connection.IsValueCreated)
        {
            await (await _connection.Value).DisposeAsync();
        }
    }

    private static async Task<ConnectionMultiplexer> ConnectAsync(string configuration)
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        options.ReconnectRetryPolicy = new LinearRetry(1000);
        // A hint is worth a moment, not the 5 s a command may otherwise wait in the backlog.
        options.AsyncTimeout = 1000;
        return await ConnectionMultiplexer.ConnectAsync(options);
    }
}
