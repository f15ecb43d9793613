using CommunityOfPractice.Api.Live;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityOfPractice.Api.Tests.Live;

/// <summary>A reader that cannot keep up is told to reset; it neither holds the others up nor grows the server (LiveDelivery).</summary>
[Collection(LiveCollection.Name)]
public sealed class SlowReaderTests
{
    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_reader_that_stops_reading_is_told_to_reset_while_another_keeps_receiving_every_reply_in_order()
    {
        // A shorter queue: the reset comes three rounds of replies after the slow reader's buffers fill, not eight
        // (on a loaded machine those took long enough for the server to drop the stalled socket first).
        await using var api = new ApiFactory().ListenOnFreePort().WithSetting("Live:OutboxLimit", "24");
        await api.InitializeAsync();
        var author = await Community.JoinAsync(api.CreateClient, "Author");
        var thread = await ThreadsApi.StartAsync(author.Client);
        await using var slow = api.LiveReader(await Community.JoinAsync(api.CreateClient, "Slow reader"), thread.Id, thread.LastSeq);
        await using var fast = api.LiveReader(await Community.JoinAsync(api.CreateClient, "Fast reader"), thread.Id, thread.LastSeq);
        slow.ReceiveBufferSize = 4096;
        // Hearing nothing while it does not read, the client would give the server up after 30 s.
        slow.Connection.ServerTimeout = TimeSpan.FromMinutes(5);
        await slow.StartAsync();
        await fast.StartAsync();
        var delivery = api.Services.GetRequiredService<LiveDelivery>();
        var resetsBefore = delivery.Resets;

        // A real socket nobody reads: the kernel's buffers fill, then the server's pipe, then its queue.
        slow.PauseReading();
        // The kernel on loopback holds megabytes for a socket: large replies, several writers at once.
        var body = string.Join("\n\n", Enumerable.Repeat("A long reply, so that a reader who stops reading soon has full buffers.", 600));
        var posted = 0;
        while (delivery.Resets == resetsBefore)
        {
            Assert.True(posted < 600, $"{posted} replies and the slow reader was never told to reset. Slow: {slow}");
            await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => ThreadsApi.ReplyAsync(author.Client, thread.Id, body)));
            posted += 8;
        }

        // What follows the reset does not reach the stopped reader live; it will catch up.
        for (var i = 0; i < 5; i++, posted++)
        {
            await ThreadsApi.ReplyAsync(author.Client, thread.Id, $"After the reset {i}");
        }

        // Nobody waited for the slow one: the other reader has every reply while it still reads nothing.
        var last = thread.LastSeq + posted;
        await fast.WaitForSeqAsync(last, _timeout);
        var all = Enumerable.Range((int)thread.LastSeq + 1, posted).Select(n => (long)n).ToList();
        Assert.Equal(all, fast.Events.Select(e => e.Seq));
        Assert.Equal(0, fast.Stopped);

        slow.ResumeReading();
        await slow.WaitForSeqAsync(last, _timeout);
        Assert.Equal(all, slow.Events.Select(e => e.Seq));
        Assert.Equal(1, slow.Stopped);
        Assert.Equal(0, slow.Reconnects);
        Assert.True(slow.Subscribes >= 2, $"the slow reader should have subscribed again after the reset: {slow}");
    }
}
