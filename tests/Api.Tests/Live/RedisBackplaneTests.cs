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

    [SkippableFact]
    public async Task Under_20_concurrent_writers_on_two_instances_every_live_copy_arrives_in_sequence_order_on_both()
    {
        var executable = RedisServer.Find();
        Skip.If(executable is null,
            "SKIPPED: redis-server is not installed, so ordering across instances was not tested. `./cop test` installs Debian's redis-server package.");

        const int writers = 20, repliesEach = 5, readersEach = 2;
        using var redis = await RedisServer.StartAsync(executable!, _timeout);
        await using var first = new ApiFactory().ListenOnFreePort().WithSetting("Redis:Configuration", redis.Configuration);
        await first.InitializeAsync();
        await using var second = new ApiFactory().ListenOnFreePort().UseDatabase(first.ConnectionString)
            .WithSetting("Redis:Configuration", redis.Configuration);
        await second.InitializeAsync();

        var starter = await Community.JoinAsync(first.CreateClient, "Starter");
        var thread = await ThreadsApi.StartAsync(starter.Client);
        var joined = await Task.WhenAll(Enumerable.Range(1, writers).Select(i => Community.JoinAsync(first.CreateClient, $"Writer {i}")));
        // Every other member signs in at the second instance, so both take numbers of the one thread at once.
        var members = await Task.WhenAll(joined.Select(async (member, i) =>
        {
            if (i % 2 == 0)
            {
                return (Member: member, Api: first);
            }

            var token = await Tokens.PasswordGrantAsync(second.CreateClient(), member.Email, member.Password);
            var client = second.CreateClient();
            client.Authorize(token.AccessToken);
            return (Member: member with { Client = client, Token = token }, Api: second);
        }));

        await using var recorder = new ArrivalRecorder();
        foreach (var (member, instance) in members.Take(readersEach * 2))
        {
            await recorder.SubscribeAsync(await instance.ConnectAsync(member), ThreadsApi.StreamOf(thread.Id), thread.LastSeq);
        }

        await ThreadsApi.ReplyAllAtOnceAsync(members.Select(m => m.Member), thread.Id, repliesEach);

        var expected = Enumerable.Range((int)thread.LastSeq + 1, writers * repliesEach).Select(n => (long)n).ToList();
        await recorder.AssertEachReceivedInOrderAsync(expected, "every reader on both instances received every reply");
    }
}
