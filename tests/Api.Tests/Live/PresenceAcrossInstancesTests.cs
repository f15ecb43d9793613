using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace CommunityOfPractice.Api.Tests.Live;

[Collection(LiveCollection.Name)]
public sealed class PresenceAcrossInstancesTests
{
    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(20);

    [SkippableFact]
    public async Task Readers_on_two_instances_count_two_on_both_and_an_instance_redis_no_longer_hears_from_loses_its_readers_within_the_expiry()
    {
        var executable = RedisServer.Find();
        Skip.If(executable is null,
            "SKIPPED: redis-server is not installed, so presence across instances was not tested. `./cop test` installs Debian's redis-server package.");

        using var redis = await RedisServer.StartAsync(executable!, _timeout);
        // The second instance reaches Redis through a proxy the test can cut: to Redis, that
        // instance then died (no renewal, no goodbye), as after a kill -9.
        using var toRedis = new TcpProxy("127.0.0.1", int.Parse(redis.Configuration.Split(':')[1]));
        const string ttl = "00:00:03";
        await using var first = new ApiFactory().ListenOnFreePort()
            .WithSetting("Redis:Configuration", redis.Configuration).WithSetting("Live:PresenceTtl", ttl);
        await first.InitializeAsync();
        await using var second = new ApiFactory().ListenOnFreePort().UseDatabase(first.ConnectionString)
            .WithSetting("Redis:Configuration", $"127.0.0.1:{toRedis.Port}").WithSetting("Live:PresenceTtl", ttl);
        await second.InitializeAsync();

        var writer = await Community.JoinAsync(first.CreateClient, "Writer");
        var readerAtFirst = await Community.JoinAsync(first.CreateClient, "Reader");
        var token = await Tokens.PasswordGrantAsync(second.CreateClient(), readerAtFirst.Email, readerAtFirst.Password);
        var reader = readerAtFirst with { Client = second.CreateClient(), Token = token };
        var thread = await ThreadsApi.StartAsync(writer.Client);
        var stream = ThreadsApi.StreamOf(thread.Id);

        await using var atFirst = await first.ConnectAsync(writer);
        await using var atSecond = await second.ConnectAsync(reader);
        var seenAtFirst = Watch(atFirst, stream);
        var seenAtSecond = Watch(atSecond, stream);
        await atFirst.InvokeAsync<LiveSubscription>("Subscribe", stream, thread.LastSeq);
        await atSecond.InvokeAsync<LiveSubscription>("Subscribe", stream, thread.LastSeq);

        await seenAtFirst.WaitForAsync(2, "the first instance's reader hears 2 reading");
        await seenAtSecond.WaitForAsync(2, "the second instance's reader hears 2 reading");

        toRedis.Cut();
        await seenAtFirst.WaitForAsync(1, "the silent instance's reader expires from the first instance's count");

        // Back in touch, the second instance renews its reader, and the count is whole again.
        toRedis.Restore();
        await seenAtFirst.WaitForAsync(2, "the second instance's reader counts again once it reaches Redis");
    }

    [SkippableFact]
    public async Task An_instance_that_stops_on_purpose_takes_its_readers_out_of_the_count_at_once()
    {
        var executable = RedisServer.Find();
        Skip.If(executable is null,
            "SKIPPED: redis-server is not installed, so presence across instances was not tested. `./cop test` installs Debian's redis-server package.");

        using var redis = await RedisServer.StartAsync(executable!, _timeout);
        // Counts that would outlast the test: only the stopping instance's goodbye can lower it in time.
        const string ttl = "00:05:00";
        await using var first = new ApiFactory().ListenOnFreePort()
            .WithSetting("Redis:Configuration", redis.Configuration).WithSetting("Live:PresenceTtl", ttl);
        await first.InitializeAsync();
        await using var second = new ApiFactory().ListenOnFreePort().UseDatabase(first.ConnectionString)
            .WithSetting("Redis:Configuration", redis.Configuration).WithSetting("Live:PresenceTtl", ttl);
        await second.InitializeAsync();

        var writer = await Community.JoinAsync(first.CreateClient, "Writer");
        var readerAtFirst = await Community.JoinAsync(first.CreateClient, "Reader");
        var token = await Tokens.PasswordGrantAsync(second.CreateClient(), readerAtFirst.Email, readerAtFirst.Password);
        var reader = readerAtFirst with { Client = second.CreateClient(), Token = token };
        var thread = await ThreadsApi.StartAsync(writer.Client);
        var stream = ThreadsApi.StreamOf(thread.Id);

        await using var atFirst = await first.ConnectAsync(writer);
        var seenAtFirst = Watch(atFirst, stream);
        await atFirst.InvokeAsync<LiveSubscription>("Subscribe", stream, thread.LastSeq);
        await using var atSecond = await second.ConnectAsync(reader);
        await atSecond.InvokeAsync<LiveSubscription>("Subscribe", stream, thread.LastSeq);
        await seenAtFirst.WaitForAsync(2, "the first instance's reader hears 2 reading");

        await second.DisposeAsync();
        await seenAtFirst.WaitForAsync(1, "the stopped instance's reader leaves the count without waiting for the expiry");
    }

    private static Counts Watch(HubConnection connection, string stream)
    {
        var counts = new Counts();
        connection.On<JsonElement>("presence", p =>
        {
            if (p.GetProperty("stream").GetString() == stream)
            {
                counts.Add(p.GetProperty("count").GetInt32());
            }
        });
        return counts;
    }

    private sealed class Counts
    {
        private readonly List<int> _seen = [];

        public void Add(int count)
        {
            lock (_seen)
            {
                _seen.Add(count);
            }
        }

        public Task WaitForAsync(int count, string what) =>
            Eventually.ReadsAsync(
                () => Task.FromResult(Snapshot()),
                seen => seen.Count > 0 && seen[^1] == count,
                seen => $"{what}: the counts heard were [{string.Join(", ", seen)}]",
                _timeout);

        private List<int> Snapshot()
        {
            lock (_seen)
            {
                return [.. _seen];
            }
        }
    }
}
