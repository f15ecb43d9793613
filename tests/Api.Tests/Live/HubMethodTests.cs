using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace CommunityOfPractice.Api.Tests.Live;

/// <summary>Typing, presence and Unsubscribe; who may subscribe is in <see cref="CatchUpTests"/>.</summary>
[Collection(LiveCollection.Name)]
public sealed class HubMethodTests(LiveServer api)
{
    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Typing_in_a_stream_one_has_not_subscribed_to_is_refused()
    {
        var member = await Community.JoinAsync(api.CreateClient);
        var thread = await ThreadsApi.StartAsync(member.Client);
        await using var connection = await api.ConnectAsync(member);

        await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync("Typing", ThreadsApi.StreamOf(thread.Id)));
        await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync("Typing", "thread:nope"));
    }

    [Fact]
    public async Task A_hub_method_called_without_a_stream_says_so_and_the_connection_stays_usable()
    {
        var member = await Community.JoinAsync(api.CreateClient);
        var thread = await ThreadsApi.StartAsync(member.Client);
        await using var connection = await api.ConnectAsync(member);

        foreach (var method in (string[])["Typing", "Unsubscribe"])
        {
            foreach (var stream in (string?[])[null, "", "  "])
            {
                var error = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync(method, stream));
                Assert.Contains("Name a stream, such as \"thread:{id}\".", error.Message, StringComparison.Ordinal);
            }
        }

        var refused = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<LiveSubscription>("Subscribe", null, 0L));
        Assert.Contains("There is no such stream.", refused.Message, StringComparison.Ordinal);
        var subscribed = await connection.InvokeAsync<LiveSubscription>("Subscribe", ThreadsApi.StreamOf(thread.Id), 0L);
        Assert.Equal(thread.LastSeq, subscribed.LastSeq);
    }

    [Fact]
    public async Task Typing_reaches_the_other_readers_once_per_burst_with_the_typists_name()
    {
        var typist = await Community.JoinAsync(api.CreateClient, "Typist");
        var reader = await Community.JoinAsync(api.CreateClient, "Reader");
        var thread = await ThreadsApi.StartAsync(typist.Client);
        var stream = ThreadsApi.StreamOf(thread.Id);
        await using var typing = await api.ConnectAsync(typist);
        await using var reading = await api.ConnectAsync(reader);
        var typingSeenByReader = new List<JsonElement>();
        var typingSeenByTypist = 0;
        var marker = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        reading.On<JsonElement>("typing", t =>
        {
            lock (typingSeenByReader)
            {
                typingSeenByReader.Add(t);
            }
        });
        reading.OnEachEvent(_ => marker.TrySetResult());
        typing.On<JsonElement>("typing", _ => Interlocked.Increment(ref typingSeenByTypist));
        await typing.InvokeAsync<LiveSubscription>("Subscribe", stream, thread.LastSeq);
        await reading.InvokeAsync<LiveSubscription>("Subscribe", stream, thread.LastSeq);

        await typing.InvokeAsync("Typing", stream);
        await typing.InvokeAsync("Typing", stream);
        await typing.InvokeAsync("Typing", stream);
        // Sent after the typing notices on the same connection, so it arrives after them.
        await ThreadsApi.ReplyAsync(typist.Client, thread.Id, "Done typing");
        await marker.Task.WaitAsync(_timeout);

        lock (typingSeenByReader)
        {
            var notice = Assert.Single(typingSeenByReader);
            Assert.Equal(stream, notice.GetProperty("stream").GetString());
            Assert.Equal(typist.Id, notice.GetProperty("memberId").GetGuid());
            Assert.Equal(typist.DisplayName, notice.GetProperty("displayName").GetString());
        }

        Assert.Equal(0, typingSeenByTypist);
    }

    [Fact]
    public async Task Presence_counts_the_connections_reading_a_stream()
    {
        var first = await Community.JoinAsync(api.CreateClient, "First");
        var second = await Community.JoinAsync(api.CreateClient, "Second");
        var thread = await ThreadsApi.StartAsync(first.Client);
        var stream = ThreadsApi.StreamOf(thread.Id);
        await using var one = await api.ConnectAsync(first);
        var counts = new List<int>();
        var arrived = Enumerable.Range(0, 3).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        one.On<JsonElement>("presence", p =>
        {
            lock (counts)
            {
                counts.Add(p.GetProperty("stream").GetString() == stream ? p.GetProperty("count").GetInt32() : -1);
                arrived.ElementAtOrDefault(counts.Count - 1)?.TrySetResult();
            }
        });

        await one.InvokeAsync<LiveSubscription>("Subscribe", stream, thread.LastSeq);
        await arrived[0].Task.WaitAsync(_timeout);
        await using (var two = await api.ConnectAsync(second))
        {
            await two.InvokeAsync<LiveSubscription>("Subscribe", stream, thread.LastSeq);
            await arrived[1].Task.WaitAsync(_timeout);
            await two.InvokeAsync("Unsubscribe", stream);
            await arrived[2].Task.WaitAsync(_timeout);
        }

        lock (counts)
        {
            Assert.Equal([1, 2, 1], counts);
        }
    }

    [Fact]
    public async Task Unsubscribing_stops_the_events_of_that_stream()
    {
        var member = await Community.JoinAsync(api.CreateClient);
        var left = await ThreadsApi.StartAsync(member.Client);
        var kept = await ThreadsApi.StartAsync(member.Client);
        await using var connection = await api.ConnectAsync(member);
        var received = new List<LiveEvent>();
        var fromKept = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.OnEachEvent(e =>
        {
            lock (received)
            {
                received.Add(e);
            }

            if (e.Stream == ThreadsApi.StreamOf(kept.Id))
            {
                fromKept.TrySetResult();
            }
        });
        await connection.InvokeAsync<LiveSubscription>("Subscribe", ThreadsApi.StreamOf(left.Id), left.LastSeq);
        await connection.InvokeAsync<LiveSubscription>("Subscribe", ThreadsApi.StreamOf(kept.Id), kept.LastSeq);

        await connection.InvokeAsync("Unsubscribe", ThreadsApi.StreamOf(left.Id));
        await ThreadsApi.ReplyAsync(member.Client, left.Id, "Nobody is listening here");
        await ThreadsApi.ReplyAsync(member.Client, kept.Id, "Marker: sent after the other one");
        await fromKept.Task.WaitAsync(_timeout);

        lock (received)
        {
            Assert.Equal([ThreadsApi.StreamOf(kept.Id)], received.Select(e => e.Stream));
        }
    }
}
