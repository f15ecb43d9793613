using CommunityOfPractice.Api.Live;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityOfPractice.Api.Tests.Live;

/// <summary>
/// Old stream events are pruned, but never a stream's last one; a client asking to catch up from
/// before what is left is told to reset, and one that is up to date notices nothing.
/// </summary>
[Collection(LiveCollection.Name)]
public sealed class PruningTests(LiveServer api)
{
    [Fact]
    public async Task Events_past_retention_go_except_each_streams_last_and_a_client_from_before_them_resets()
    {
        var member = await Community.JoinAsync(api.CreateClient);
        var thread = await ThreadsApi.StartAsync(member.Client);
        var recent = await ThreadsApi.StartAsync(member.Client);
        for (var i = 1; i <= 3; i++)
        {
            await ThreadsApi.ReplyAsync(member.Client, thread.Id, $"Reply {i}");
        }

        // The first thread's events are all 40 days old; the other's are today's.
        var stream = ThreadsApi.StreamOf(thread.Id);
        await using (var scope = api.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CommunityOfPractice.Api.Data.AppDbContext>().Database.ExecuteSqlAsync(
                $"UPDATE stream_events SET occurred_at = occurred_at - interval '40 days' WHERE stream = {stream}");
        }

        Assert.True(await api.Services.GetRequiredService<StreamEventPruner>().PruneAsync(CancellationToken.None) >= 3);

        await using (var scope = api.Services.CreateAsyncScope())
        {
            var events = scope.ServiceProvider.GetRequiredService<CommunityOfPractice.Api.Data.AppDbContext>().Set<StoredStreamEvent>();
            Assert.Equal([4L], await events.Where(e => e.Stream == stream).Select(e => e.Seq).ToListAsync());
            Assert.Equal([1L], await events.Where(e => e.Stream == ThreadsApi.StreamOf(recent.Id)).Select(e => e.Seq).ToListAsync());
        }

        await using var connection = await api.ConnectAsync(member);
        var behind = await connection.InvokeAsync<LiveSubscription>("Subscribe", stream, 1L);
        Assert.Equal((true, 4L, 0), (behind.Reset, behind.LastSeq, behind.Events.Count));
        var current = await connection.InvokeAsync<LiveSubscription>("Subscribe", stream, 3L);
        Assert.False(current.Reset);
        Assert.Equal([4L], current.Events.Select(e => e.Seq));
    }
}
