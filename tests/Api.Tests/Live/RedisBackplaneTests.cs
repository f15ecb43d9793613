namespace CommunityOfPractice.Api.Tests.Live;

[Collection(LiveCollection.Name)]
public sealed class RedisBackplaneTests
{
    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(20);

    [SkippableFact]
    public async Task Two_api_instances_on_one_database_deliver_each_others_events_through_redis()
    {
        var executable = RedisServer.Find();
        Skip.If(executable is null,
            "SKIPPED: redis-server is not installed, so the Redis backplane was not tested. `./cop test` installs Debian's redis-server package.");

        using var redis = await RedisServer.StartAsync(executable!, _timeout);
        await using var first = new ApiFactory().ListenOnFreePort().WithSetting("Redis:Configuration", redis.Configuration);
        await first.InitializeAsync();
        // The second instance starts on the first one's database: migrations and seeding find everything done.
        await using var second = new ApiFactory().ListenOnFreePort().UseDatabase(first.ConnectionString)
            .WithSetting("Redis:Configuration", redis.Configuration);
        await second.InitializeAsync();

        var writer = await Community.JoinAsync(first.CreateClient, "Writer");
        var readerAtFirst = await Community.JoinAsync(first.CreateClient, "Reader");
        // Tokens name the instance that issued them (no Api:PublicUrl here), so the reader signs in at the second.
        var token = await Tokens.PasswordGrantAsync(second.CreateClient(), readerAtFirst.Email, readerAtFirst.Password);
        var reader = readerAtFirst with { Client = second.CreateClient(), Token = token };
        reader.Client.Authorize(token.AccessToken);
        var thread = await ThreadsApi.StartAsync(writer.Client);

        await using var atSecond = second.LiveReader(reader, thread.Id, thread.LastSeq);
        await atSecond.StartAsync();
        await using var atFirst = first.LiveReader(writer, thread.Id, thread.LastSeq);
        await atFirst.StartAsync();
        var reply = await ThreadsApi.ReplyAsync(writer.Client, thread.Id, "Posted on the first instance");
        var answer = await ThreadsApi.ReplyAsync(reader.Client, thread.Id, "Posted on the second instance");

        await atSecond.WaitForSeqAsync(thread.LastSeq + 2, _timeout);
        await atFirst.WaitForSeqAsync(thread.LastSeq + 2, _timeout);
        Assert.Equal([reply.Id, answer.Id], atSecond.Events.Select(e => e.Data.GetProperty("id").GetGuid()));
        Assert.Equal([reply.Id, answer.Id], atFirst.Events.Select(e => e.Data.GetProperty("id").GetGuid()));
        // Delivered live through Redis, not found by catching up on a gap.
        Assert.Equal(0, atSecond.Gaps);
        Assert.Equal(0, atFirst.Gaps);
        Assert.Equal(1, atSecond.Subscribes);
    }
}
