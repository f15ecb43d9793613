namespace CommunityOfPractice.Api.Tests.Live;

[Collection(LiveCollection.Name)]
public sealed class ReconnectTests(LiveServer api)
{
    [Fact]
    public async Task A_reader_cut_off_every_40_events_ends_with_all_500_replies_each_once_in_order()
    {
        const int replies = 500, writers = 4, dropEvery = 40;
        var starter = await Community.JoinAsync(api.CreateClient, "Starter");
        var reader = await Community.JoinAsync(api.CreateClient, "Reader");
        var members = await Task.WhenAll(Enumerable.Range(1, writers).Select(i => Community.JoinAsync(api.CreateClient, $"Writer {i}")));
        var thread = await ThreadsApi.StartAsync(starter.Client);

        await using var client = api.LiveReader(reader, thread.Id, thread.LastSeq);
        client.Applied += e =>
        {
            if ((e.Seq - thread.LastSeq) % dropEvery == 0)
            {
                client.DropConnection();
            }
        };
        await client.StartAsync();

        // Each writer sends its share in order, with a key per reply as a real client would.
        var written = await Task.WhenAll(members.Select((member, w) => Task.Run(async () =>
        {
            var mine = new List<PostView>();
            for (var i = w; i < replies; i += writers)
            {
                mine.Add(await ThreadsApi.ReplyAsync(member.Client, thread.Id, $"Reply {i}", idempotencyKey: Guid.NewGuid().ToString()));
            }

            return mine;
        }))).WaitAsync(TimeSpan.FromSeconds(90));
        await client.WaitForSeqAsync(thread.LastSeq + replies, TimeSpan.FromSeconds(60));

        var events = client.Events;
        Assert.Equal(Enumerable.Range(2, replies).Select(n => (long)n), events.Select(e => e.Seq));
        Assert.All(events, e => Assert.Equal("post.added", e.Kind));
        Assert.Equal(Enumerable.Range(2, replies), events.Select(e => e.Data.GetProperty("number").GetInt32()));
        Assert.Equal(written.SelectMany(w => w).Select(p => p.Id).Order(), events.Select(e => e.Data.GetProperty("id").GetGuid()).Order());
        Assert.True(client.Drops >= replies / dropEvery - 1, $"the connection was cut only {client.Drops} times: {client}");
        Assert.True(client.Reconnects >= client.Drops - 1, $"expected a reconnect after each cut: {client}");
    }
}
