using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace CommunityOfPractice.Api.Tests.Live;

/// <summary>The hub's second protocol: same guarantees, same shapes as JSON (docs/live-protocol.md).</summary>
[Collection(LiveCollection.Name)]
public sealed class MessagePackTests(LiveServer api)
{
    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_MessagePack_reader_cut_off_every_25_events_ends_with_all_200_replies_each_once_in_order()
    {
        const int replies = 200, writers = 4, dropEvery = 25;
        var starter = await Community.JoinAsync(api.CreateClient, "Starter");
        var reader = await Community.JoinAsync(api.CreateClient, "Reader");
        var members = await Task.WhenAll(Enumerable.Range(1, writers).Select(i => Community.JoinAsync(api.CreateClient, $"Writer {i}")));
        var thread = await ThreadsApi.StartAsync(starter.Client);

        await using var client = api.LiveReader(reader, thread.Id, thread.LastSeq, protocol: LiveProtocol.MessagePack);
        client.Applied += e =>
        {
            if ((e.Seq - thread.LastSeq) % dropEvery == 0)
            {
                client.DropConnection();
            }
        };
        await client.StartAsync();

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
        Assert.Equal(Enumerable.Range(2, replies), events.Select(e => e.Data.GetProperty("number").GetInt32()));
        Assert.Equal(written.SelectMany(w => w).Select(p => p.Id).Order(), events.Select(e => e.Data.GetProperty("id").GetGuid()).Order());
        Assert.True(client.Drops >= replies / dropEvery - 1, $"the connection was cut only {client.Drops} times: {client}");
        Assert.True(client.Reconnects >= client.Drops - 1, $"expected a reconnect after each cut: {client}");
    }

    [Fact]
    public async Task A_MessagePack_reader_and_a_JSON_reader_receive_the_same_events_key_for_key()
    {
        var author = await Community.JoinAsync(api.CreateClient, "Author");
        var reader = await Community.JoinAsync(api.CreateClient, "Reader");
        var thread = await ThreadsApi.StartAsync(author.Client);
        var stream = ThreadsApi.StreamOf(thread.Id);
        await ThreadsApi.ReplyAsync(author.Client, thread.Id, "Before anyone listened: <em>caught up</em> & kept");

        // Read as raw trees, not records: a record binds names case-insensitively and would hide "Seq" for "seq".
        await using var json = await api.ConnectAsync(reader);
        await using var messagePack = await api.ConnectAsync(reader, LiveProtocol.MessagePack);
        var seen = new Dictionary<HubConnection, List<JsonElement>> { [json] = [], [messagePack] = [] };
        foreach (var (connection, events) in seen)
        {
            connection.On<JsonElement>("event", e => { lock (events) { events.Add(e); } });
            connection.On<JsonElement>("events", batch => { lock (events) { events.AddRange(batch.EnumerateArray()); } });
        }

        var caughtUp = await Task.WhenAll(seen.Keys.Select(c => c.InvokeAsync<JsonElement>("Subscribe", stream, thread.LastSeq)));
        AssertSameTree(caughtUp[0], caughtUp[1]);
        Assert.Equal(1, caughtUp[1].GetProperty("events").GetArrayLength());

        // Several kinds of data: a post with nested author and dates, an edit, an id pair, a thread change.
        var post = await ThreadsApi.ReplyAsync(author.Client, thread.Id, "Live, with <strong>markup</strong> and “quotes”");
        (await author.Client.PutAsJsonAsync($"/api/v1/posts/{post.Id}", new { body = "Edited: 12.5 % more ✓" })).EnsureSuccessStatusCode();
        (await author.Client.DeleteAsync($"/api/v1/posts/{post.Id}")).EnsureSuccessStatusCode();
        var last = (await ThreadsApi.GetAsync(author.Client, thread.Id)).LastSeq;
        Assert.Equal(thread.LastSeq + 4, last);

        await Eventually.ReadsAsync(() => Task.FromResult(seen.Values.Select(events => { lock (events) { return events.Count; } }).ToArray()),
            counts => counts.All(c => c == 3), counts => $"JSON saw {counts[0]}, MessagePack saw {counts[1]} of 3 live events", _timeout);
        Assert.Equal(["post.added", "post.edited", "post.deleted"], seen[messagePack].Select(e => e.GetProperty("kind").GetString()));
        foreach (var (fromJson, fromMessagePack) in seen[json].Zip(seen[messagePack]))
        {
            AssertSameTree(fromJson, fromMessagePack);
        }
    }

    private static void AssertSameTree(JsonElement expected, JsonElement actual) =>
        Assert.True(JsonElement.DeepEquals(expected, actual), $"JSON: {expected.GetRawText()}{Environment.NewLine}MessagePack: {actual.GetRawText()}");
}
