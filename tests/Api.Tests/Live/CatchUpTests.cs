using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace CommunityOfPractice.Api.Tests.Live;

[Collection(LiveCollection.Name)]
public sealed class CatchUpTests(LiveServer api)
{
    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Subscribe_returns_exactly_the_events_after_afterSeq()
    {
        var member = await Community.JoinAsync(api.CreateClient);
        var thread = await ThreadsApi.StartAsync(member.Client);
        for (var i = 1; i <= 4; i++)
        {
            await ThreadsApi.ReplyAsync(member.Client, thread.Id, $"Reply {i}");
        }

        await using var connection = await api.ConnectAsync(member);
        var result = await connection.InvokeAsync<LiveSubscription>("Subscribe", ThreadsApi.StreamOf(thread.Id), 2L);

        Assert.Equal(ThreadsApi.StreamOf(thread.Id), result.Stream);
        Assert.False(result.Reset);
        Assert.Equal(5, result.LastSeq);
        Assert.Equal([3L, 4L, 5L], result.Events.Select(e => e.Seq));
        Assert.Equal([3, 4, 5], result.Events.Select(e => e.Data.GetProperty("number").GetInt32()));
        Assert.All(result.Events, e => Assert.Equal(ThreadsApi.StreamOf(thread.Id), e.Stream));
    }

    [Fact]
    public async Task Sixty_readers_catching_up_at_once_from_different_numbers_while_replies_arrive_each_get_exactly_what_they_missed()
    {
        const int readers = 60, repliesDuring = 10;
        var member = await Community.JoinAsync(api.CreateClient, "Herd Member");
        var thread = await ThreadsApi.StartAsync(member.Client);
        for (var i = 1; i <= 5; i++)
        {
            await ThreadsApi.ReplyAsync(member.Client, thread.Id, $"Before {i}");
        }

        var stream = ThreadsApi.StreamOf(thread.Id);
        var connections = await Task.WhenAll(Enumerable.Range(0, readers).Select(_ => api.ConnectAsync(member)));
        var live = connections.Select(_ => new List<long>()).ToArray();
        for (var r = 0; r < readers; r++)
        {
            var mine = live[r];
            connections[r].OnEachEvent(e =>
            {
                lock (mine)
                {
                    mine.Add(e.Seq);
                }
            });
        }

        // Everyone subscribes at once, from 0 to 5 behind the start, while more replies commit:
        // their catch-ups share reads, and none may miss what committed between joining and reading.
        var writing = Task.Run(async () =>
        {
            for (var i = 1; i <= repliesDuring; i++)
            {
                await ThreadsApi.ReplyAsync(member.Client, thread.Id, $"During {i}");
            }
        });
        var results = await Task.WhenAll(connections.Select((c, r) => c.InvokeAsync<LiveSubscription>("Subscribe", stream, (long)(r % 6))));
        await writing;

        const long last = 6 + repliesDuring;
        for (var r = 0; r < readers; r++)
        {
            var after = (long)(r % 6);
            var result = results[r];
            Assert.False(result.Reset);
            Assert.Equal(Enumerable.Range((int)after + 1, result.Events.Count).Select(n => (long)n), result.Events.Select(e => e.Seq));
            var mine = live[r];
            await Eventually.HoldsAsync(() =>
            {
                lock (mine)
                {
                    return Task.FromResult(result.Events.Select(e => e.Seq).Concat(mine).Where(n => n > after).Distinct().Count() == last - after);
                }
            }, $"reader {r} has every number after {after}, caught up or live");
        }

        foreach (var connection in connections)
        {
            await connection.DisposeAsync();
        }
    }

    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(1_000_000)]
    public async Task AfterSeq_at_or_beyond_the_end_gives_an_empty_catch_up_and_live_events_still_follow(long afterSeq)
    {
        var member = await Community.JoinAsync(api.CreateClient);
        var thread = await ThreadsApi.StartAsync(member.Client);
        for (var i = 1; i <= 4; i++)
        {
            await ThreadsApi.ReplyAsync(member.Client, thread.Id, $"Reply {i}");
        }

        await using var connection = await api.ConnectAsync(member);
        var live = new TaskCompletionSource<LiveEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.OnEachEvent(e => live.TrySetResult(e));
        var result = await connection.InvokeAsync<LiveSubscription>("Subscribe", ThreadsApi.StreamOf(thread.Id), afterSeq);

        Assert.Empty(result.Events);
        Assert.False(result.Reset);
        Assert.Equal(5, result.LastSeq);
        await ThreadsApi.ReplyAsync(member.Client, thread.Id, "One more");
        Assert.Equal(6, (await live.Task.WaitAsync(_timeout)).Seq);
    }

    [Fact]
    public async Task A_reader_that_loses_a_live_event_sees_the_gap_and_catches_up()
    {
        var author = await Community.JoinAsync(api.CreateClient, "Author");
        var reader = await Community.JoinAsync(api.CreateClient, "Reader");
        var thread = await ThreadsApi.StartAsync(author.Client);
        await using var client = api.LiveReader(reader, thread.Id, thread.LastSeq);
        client.LoseLive = e => e.Seq == thread.LastSeq + 1;
        await client.StartAsync();

        var first = await ThreadsApi.ReplyAsync(author.Client, thread.Id, "This one is lost on the way");
        var second = await ThreadsApi.ReplyAsync(author.Client, thread.Id, "This one shows the gap");
        await client.WaitForSeqAsync(thread.LastSeq + 2, _timeout);

        Assert.Equal([first.Id, second.Id], client.Events.Select(e => e.Data.GetProperty("id").GetGuid()));
        Assert.Equal([thread.LastSeq + 1, thread.LastSeq + 2], client.Events.Select(e => e.Seq));
        Assert.Equal(1, client.Lost);
        Assert.Equal(1, client.Gaps);
        Assert.Equal(2, client.Subscribes);
    }

    [Fact]
    public async Task Catch_up_brings_every_kind_of_change_in_order_as_things_are_now()
    {
        var author = await Community.JoinAsync(api.CreateClient, "Author");
        var moderator = await Community.JoinAsync(api.CreateClient, "Moderator", "moderator");
        var thread = await ThreadsApi.StartAsync(author.Client);
        var reply = await ThreadsApi.ReplyAsync(author.Client, thread.Id, "First words");
        using (var edited = await author.Client.PutAsJsonAsync($"/api/v1/posts/{reply.Id}", new { body = "Second thoughts" }))
        {
            await ThreadsApi.ExpectAsync(edited, System.Net.HttpStatusCode.OK);
        }

        using (var deleted = await author.Client.DeleteAsync($"/api/v1/posts/{reply.Id}"))
        {
            await ThreadsApi.ExpectAsync(deleted, System.Net.HttpStatusCode.NoContent);
        }

        foreach (var change in new[] { "lock", "pin", "unlock", "unpin" })
        {
            using var moderated = await moderator.Client.PostAsync($"/api/v1/threads/{thread.Id}/{change}", null);
            await ThreadsApi.ExpectAsync(moderated, System.Net.HttpStatusCode.NoContent);
        }

        await using var connection = await api.ConnectAsync(author);
        var result = await connection.InvokeAsync<LiveSubscription>("Subscribe", ThreadsApi.StreamOf(thread.Id), 0L);

        Assert.Equal(
            ["post.added", "post.added", "post.edited", "post.deleted", "thread.locked", "thread.pinned", "thread.unlocked", "thread.unpinned"],
            result.Events.Select(e => e.Kind));
        Assert.Equal(Enumerable.Range(1, 8).Select(n => (long)n), result.Events.Select(e => e.Seq));
        var replyEvents = result.Events.Where(e => e.Kind.StartsWith("post.", StringComparison.Ordinal) && e.Seq > 1).ToList();
        Assert.All(replyEvents.Take(2), e =>
        {
            Assert.Equal(JsonValueKind.Null, e.Data.GetProperty("html").ValueKind);
            Assert.True(e.Data.GetProperty("isDeleted").GetBoolean());
        });
        Assert.Equal(reply.Id, replyEvents[2].Data.GetProperty("postId").GetGuid());
        Assert.Equal(reply.Number, replyEvents[2].Data.GetProperty("number").GetInt32());
        Assert.Equal(thread.Id, result.Events[4].Data.GetProperty("threadId").GetGuid());
    }

    [Fact]
    public async Task Streams_one_may_not_read_raise_a_hub_error_and_join_nothing()
    {
        var member = await Community.JoinAsync(api.CreateClient);
        var thread = await ThreadsApi.StartAsync(member.Client);
        await using var connection = await api.ConnectAsync(member);
        var received = new List<LiveEvent>();
        var first = new TaskCompletionSource<LiveEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.OnEachEvent(e =>
        {
            lock (received)
            {
                received.Add(e);
            }

            first.TrySetResult(e);
        });

        string[] refused = [$"thread:{Guid.NewGuid()}", "thread:nope", "thread:", $"qa:{thread.Id}", $"qa:{Guid.NewGuid()}", "nostream", "", ":"];
        foreach (var stream in refused)
        {
            var error = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<LiveSubscription>("Subscribe", stream, 0L));
            Assert.DoesNotContain("Exception", error.Message.Replace("HubException", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        }

        // A stream this member may read, as a marker: anything joined above would have arrived before it.
        await connection.InvokeAsync<LiveSubscription>("Subscribe", ThreadsApi.StreamOf(thread.Id), thread.LastSeq);
        await ThreadsApi.ReplyAsync(member.Client, thread.Id, "Marker");
        var marker = await first.Task.WaitAsync(_timeout);
        Assert.Equal(ThreadsApi.StreamOf(thread.Id), marker.Stream);
        lock (received)
        {
            Assert.All(received, e => Assert.Equal(ThreadsApi.StreamOf(thread.Id), e.Stream));
        }
    }

    [Fact]
    public async Task A_thread_stream_spelled_another_way_is_refused_or_is_the_same_stream()
    {
        var member = await Community.JoinAsync(api.CreateClient);
        var thread = await ThreadsApi.StartAsync(member.Client);
        await using var connection = await api.ConnectAsync(member);

        foreach (var alias in new[] { $"thread:{thread.Id.ToString().ToUpperInvariant()}", $"thread:{thread.Id:B}", $"thread:{thread.Id:N}" })
        {
            try
            {
                var result = await connection.InvokeAsync<LiveSubscription>("Subscribe", alias, 0L);
                Assert.True(result.LastSeq == thread.LastSeq && result.Events.Count == 1,
                    $"Subscribe(\"{alias}\", 0) was accepted but answered lastSeq {result.LastSeq} with {result.Events.Count} events; " +
                    $"the thread's stream has lastSeq {thread.LastSeq}. A client would wait forever on a group nothing is sent to.");
            }
            catch (HubException)
            {
                // Refusing a non-canonical name is fine too.
            }
        }
    }
}
