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
}
