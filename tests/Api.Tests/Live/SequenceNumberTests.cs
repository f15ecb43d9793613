using Microsoft.AspNetCore.SignalR.Client;

namespace CommunityOfPractice.Api.Tests.Live;

[Collection(LiveCollection.Name)]
public sealed class SequenceNumberTests(LiveServer api)
{
    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Sequence_numbers_stay_gapless_and_unique_under_20_concurrent_writers()
    {
        const int writers = 20, repliesEach = 5;
        var starter = await Community.JoinAsync(api.CreateClient, "Starter");
        var thread = await ThreadsApi.StartAsync(starter.Client);
        var members = await Task.WhenAll(Enumerable.Range(1, writers).Select(i => Community.JoinAsync(api.CreateClient, $"Writer {i}")));
        await ThreadsApi.ReplyAllAtOnceAsync(members, thread.Id, repliesEach);

        const int expected = 1 + writers * repliesEach;
        await using var connection = await api.ConnectAsync(starter);
        var catchUp = await connection.InvokeAsync<LiveSubscription>("Subscribe", ThreadsApi.StreamOf(thread.Id), 0L);
        Assert.False(catchUp.Reset);
        Assert.Equal(expected, catchUp.LastSeq);
        Assert.Equal(Enumerable.Range(1, expected).Select(n => (long)n), catchUp.Events.Select(e => e.Seq));
        Assert.All(catchUp.Events, e => Assert.Equal("post.added", e.Kind));
        Assert.Equal(Enumerable.Range(1, expected), catchUp.Events.Select(e => e.Data.GetProperty("number").GetInt32()).Order());
        Assert.Equal(expected, catchUp.Events.Select(e => e.Data.GetProperty("id").GetGuid()).Distinct().Count());

        var (posts, lastSeq) = await ThreadsApi.AllPostsAsync(starter.Client, thread.Id);
        Assert.Equal(Enumerable.Range(1, expected), posts.Select(p => p.Number));
        Assert.Equal(expected, lastSeq);
        Assert.Equal(writers * repliesEach, (await ThreadsApi.GetAsync(starter.Client, thread.Id)).ReplyCount);
    }

    [Fact]
    public async Task Under_20_concurrent_writers_every_live_copy_arrives_in_sequence_order()
    {
        const int writers = 20, repliesEach = 5, readers = 5;
        var starter = await Community.JoinAsync(api.CreateClient, "Ordered Starter");
        var thread = await ThreadsApi.StartAsync(starter.Client);
        var members = await Task.WhenAll(Enumerable.Range(1, writers).Select(i => Community.JoinAsync(api.CreateClient, $"Ordered Writer {i}")));

        await using var recorder = new ArrivalRecorder();
        for (var r = 0; r < readers; r++)
        {
            await recorder.SubscribeAsync(await api.ConnectAsync(members[r]), ThreadsApi.StreamOf(thread.Id), thread.LastSeq);
        }

        await ThreadsApi.ReplyAllAtOnceAsync(members, thread.Id, repliesEach);

        var expected = Enumerable.Range((int)thread.LastSeq + 1, writers * repliesEach).Select(n => (long)n).ToList();
        await recorder.AssertEachReceivedInOrderAsync(expected, "every reader received every reply");
    }

    [Fact]
    public async Task A_live_reader_sees_each_reply_once_in_order_with_the_same_html_as_http()
    {
        var author = await Community.JoinAsync(api.CreateClient, "Author");
        var reader = await Community.JoinAsync(api.CreateClient, "Reader");
        var thread = await ThreadsApi.StartAsync(author.Client);
        await using var client = api.LiveReader(reader, thread.Id, thread.LastSeq);
        await client.StartAsync();

        var replies = new List<PostView>();
        for (var i = 1; i <= 3; i++)
        {
            replies.Add(await ThreadsApi.ReplyAsync(author.Client, thread.Id, $"**Reply {i}** with #PowerofPlace"));
        }

        await client.WaitForSeqAsync(thread.LastSeq + 3, _timeout);
        var events = client.Events;
        Assert.Equal([thread.LastSeq + 1, thread.LastSeq + 2, thread.LastSeq + 3], events.Select(e => e.Seq));
        var live = events.Select(e => e.Data.Deserialize<PostView>(Json.Options)!).ToList();
        Assert.Equal(replies.Select(r => (r.Id, r.Number, r.Html)), live.Select(p => (p.Id, p.Number, p.Html)));
        Assert.All(live, p => Assert.Null(p.Markdown));
        Assert.Equal(0, client.Gaps);
    }
}
