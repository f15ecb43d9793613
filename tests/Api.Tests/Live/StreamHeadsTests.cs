namespace CommunityOfPractice.Api.Tests.Live;

/// <summary>A live feed cut without a trace: the heads beat shows the reader it is behind.</summary>
public sealed class StreamHeadsTests
{
    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_reader_that_loses_the_last_event_learns_from_the_heads_beat_and_catches_up()
    {
        await using var api = new ApiFactory().ListenOnFreePort().WithSetting("Live:HeadsInterval", "00:00:00.300");
        await api.InitializeAsync();
        var author = await Community.JoinAsync(api.CreateClient, "Author");
        var reader = await Community.JoinAsync(api.CreateClient, "Reader");
        var thread = await ThreadsApi.StartAsync(author.Client);
        await using var client = api.LiveReader(reader, thread.Id, thread.LastSeq);
        // Every live copy is lost, and no later event will show a gap.
        client.LoseLive = _ => true;
        await client.StartAsync();

        var lost = await ThreadsApi.ReplyAsync(author.Client, thread.Id, "Lost on the way, and nothing after it");
        await client.WaitForSeqAsync(thread.LastSeq + 1, _timeout);

        Assert.Equal([lost.Id], client.Events.Select(e => e.Data.GetProperty("id").GetGuid()));
        Assert.True(client.Behind >= 1);
        Assert.Equal(0, client.Gaps);
    }

    [SkippableFact]
    public async Task With_the_redis_backplane_cut_a_reader_still_hears_the_heads_beat_and_catches_up()
    {
        var executable = RedisServer.Find();
        Skip.If(executable is null,
            "SKIPPED: redis-server is not installed, so the heads beat without a backplane was not tested. `./cop test` installs Debian's redis-server package.");

        using var redis = await RedisServer.StartAsync(executable!, _timeout);
        using var toRedis = new TcpProxy("127.0.0.1", int.Parse(redis.Configuration.Split(':')[1]));
        await using var api = new ApiFactory().ListenOnFreePort()
            .WithSetting("Redis:Configuration", $"127.0.0.1:{toRedis.Port}")
            .WithSetting("Live:HeadsInterval", "00:00:00.300");
        await api.InitializeAsync();
        var author = await Community.JoinAsync(api.CreateClient, "Author");
        var reader = await Community.JoinAsync(api.CreateClient, "Reader");
        var thread = await ThreadsApi.StartAsync(author.Client);
        await using var client = api.LiveReader(reader, thread.Id, thread.LastSeq);
        await client.StartAsync();

        // Group sends go through Redis, even to this instance's own readers: with it gone, only
        // the beat, told to each local reader directly, can show the reader what it missed.
        toRedis.Cut();
        var missed = await ThreadsApi.ReplyAsync(author.Client, thread.Id, "Posted while the backplane is down");
        await client.WaitForSeqAsync(thread.LastSeq + 1, _timeout);

        Assert.Equal([missed.Id], client.Events.Select(e => e.Data.GetProperty("id").GetGuid()));
        Assert.True(client.Behind >= 1);
    }
}
