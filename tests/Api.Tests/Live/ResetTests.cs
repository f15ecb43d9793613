using Microsoft.AspNetCore.SignalR.Client;

namespace CommunityOfPractice.Api.Tests.Live;

/// <summary>An Api whose catch-up stops at 50 events, so that "too far behind" takes 51 replies, not 1,001.</summary>
public sealed class SmallCatchUpServer : ApiFactory
{
    public const int Limit = 50;

    public SmallCatchUpServer()
    {
        ListenOnFreePort();
        WithSetting("Live:CatchUpLimit", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

[Collection(LiveCollection.Name)]
public sealed class ResetTests(SmallCatchUpServer api) : IClassFixture<SmallCatchUpServer>
{
    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task More_missed_events_than_the_limit_means_reset_and_no_events_and_the_limit_itself_still_catches_up()
    {
        var member = await Community.JoinAsync(api.CreateClient);
        var thread = await ThreadsApi.StartAsync(member.Client);
        for (var i = 1; i <= SmallCatchUpServer.Limit + 10; i++)
        {
            await ThreadsApi.ReplyAsync(member.Client, thread.Id, $"Reply {i}");
        }

        const long lastSeq = SmallCatchUpServer.Limit + 11;
        await using var connection = await api.ConnectAsync(member);
        var tooFar = await connection.InvokeAsync<LiveSubscription>("Subscribe", ThreadsApi.StreamOf(thread.Id), 0L);
        var atTheLimit = await connection.InvokeAsync<LiveSubscription>("Subscribe", ThreadsApi.StreamOf(thread.Id), lastSeq - SmallCatchUpServer.Limit);

        Assert.True(tooFar.Reset);
        Assert.Empty(tooFar.Events);
        Assert.Equal(lastSeq, tooFar.LastSeq);
        Assert.False(atTheLimit.Reset);
        Assert.Equal(Enumerable.Range(12, SmallCatchUpServer.Limit).Select(n => (long)n), atTheLimit.Events.Select(e => e.Seq));
    }

    [Fact]
    public async Task A_reader_told_to_reset_reloads_over_http_and_carries_on_live_from_the_reloaded_number()
    {
        var author = await Community.JoinAsync(api.CreateClient, "Author");
        var reader = await Community.JoinAsync(api.CreateClient, "Reader");
        var thread = await ThreadsApi.StartAsync(author.Client);
        for (var i = 1; i <= SmallCatchUpServer.Limit + 5; i++)
        {
            await ThreadsApi.ReplyAsync(author.Client, thread.Id, $"Reply {i}");
        }

        List<PostView> reloaded = [];
        await using var client = api.LiveReader(reader, thread.Id, thread.LastSeq, async _ =>
        {
            var (posts, lastSeq) = await ThreadsApi.AllPostsAsync(reader.Client, thread.Id);
            reloaded = posts;
            return lastSeq;
        });
        await client.StartAsync();

        Assert.Equal(1, client.Resets);
        Assert.Equal(Enumerable.Range(1, SmallCatchUpServer.Limit + 6), reloaded.Select(p => p.Number));
        Assert.Equal(SmallCatchUpServer.Limit + 6, client.LastSeq);
        Assert.Empty(client.Events);

        var next = await ThreadsApi.ReplyAsync(author.Client, thread.Id, "After the reload");
        await client.WaitForSeqAsync(SmallCatchUpServer.Limit + 7, _timeout);
        Assert.Equal(next.Id, Assert.Single(client.Events).Data.GetProperty("id").GetGuid());
        Assert.Equal(0, client.Gaps);
    }
}
