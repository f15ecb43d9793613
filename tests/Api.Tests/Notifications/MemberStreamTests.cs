using CommunityOfPractice.Api.Tests.Live;
using CommunityOfPractice.Contracts.Notifications;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace CommunityOfPractice.Api.Tests.Notifications;

/// <summary>
/// The bell's live feed: "member:{id}" carries each new notification and each read, numbered like
/// every stream, with the unread count after it; only its member may subscribe, and a reconnect
/// catches up from the last number.
/// </summary>
[Collection(LiveCollection.Name)]
public sealed class MemberStreamTests(LiveServer api)
{
    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Replies_counted_into_an_unread_notification_do_not_move_the_bell()
    {
        var member = await Community.JoinAsync(api.CreateClient, "Quiet Bell Owner");
        var replier = await Community.JoinAsync(api.CreateClient, "Busy Bell Ringer");
        var thread = await ThreadsApi.StartAsync(member.Client, "Ring it often");
        for (var i = 1; i <= 4; i++)
        {
            await ThreadsApi.ReplyAsync(replier.Client, thread.Id, $"Ding {i}.");
        }

        await NotificationsApi.WaitForAsync(member.Client, p => p.Items.Any(n => n.Title.StartsWith("4 new replies", StringComparison.Ordinal)));

        // The stored stream told of one notification (with an unread count of 1), not of four replies.
        await using var connection = await api.ConnectAsync(member);
        var stream = await connection.InvokeAsync<LiveSubscription>("Subscribe", NotificationsApi.StreamOf(member.Id), 0L);
        var only = Assert.Single(stream.Events);
        Assert.Equal(MemberStreamEvents.Added, only.Kind);
        Assert.Equal(1, only.Data.Deserialize<NotificationAdded>(Contracts.ApiJson.Options)!.Unread);
    }

    [Fact]
    public async Task A_reply_lights_the_bell_live_and_marking_read_puts_it_out()
    {
        var member = await Community.JoinAsync(api.CreateClient, "Bell Owner");
        var replier = await Community.JoinAsync(api.CreateClient, "Bell Ringer");
        var thread = await ThreadsApi.StartAsync(member.Client, "Ring the bell");
        await using var connection = await api.ConnectAsync(member);
        var arrived = new List<LiveEvent>();
        var two = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.OnEachEvent(e =>
        {
            lock (arrived)
            {
                arrived.Add(e);
                if (arrived.Count == 2)
                {
                    two.TrySetResult();
                }
            }
        });
        var subscribed = await connection.InvokeAsync<LiveSubscription>("Subscribe", NotificationsApi.StreamOf(member.Id), 0L);
        Assert.Empty(subscribed.Events);

        await ThreadsApi.ReplyAsync(replier.Client, thread.Id, "Ding.");
        var page = await NotificationsApi.WaitForAsync(member.Client, p => p.Items.Count == 1);
        await NotificationsApi.MarkReadAsync(member.Client, [page.Items[0].Id]);
        await two.Task.WaitAsync(_timeout);

        var added = arrived[0].Data.Deserialize<NotificationAdded>(Contracts.ApiJson.Options)!;
        Assert.Equal((MemberStreamEvents.Added, 1L), (arrived[0].Kind, arrived[0].Seq));
        Assert.Equal(1, added.Unread);
        Assert.Equal(
            (page.Items[0].Id, page.Items[0].Kind, page.Items[0].Title, page.Items[0].Text, page.Items[0].Link, false),
            (added.Notification.Id, added.Notification.Kind, added.Notification.Title, added.Notification.Text, added.Notification.Link, added.Notification.IsRead));
        Assert.Equal(page.Items[0].CreatedAt, added.Notification.CreatedAt, TimeSpan.FromMilliseconds(1));
        var read = arrived[1].Data.Deserialize<NotificationsRead>(Contracts.ApiJson.Options)!;
        Assert.Equal((MemberStreamEvents.Read, 2L), (arrived[1].Kind, arrived[1].Seq));
        Assert.Equal([page.Items[0].Id], read.Ids);
        Assert.Equal(0, read.Unread);

        // A page opened later catches up from its last number.
        await using var later = await api.ConnectAsync(member);
        var caughtUp = await later.InvokeAsync<LiveSubscription>("Subscribe", NotificationsApi.StreamOf(member.Id), 1L);
        Assert.Equal([2L], caughtUp.Events.Select(e => e.Seq));
    }

    [Fact]
    public async Task Only_the_member_may_subscribe_to_their_stream()
    {
        var member = await Community.JoinAsync(api.CreateClient, "Private Bell");
        var other = await Community.JoinAsync(api.CreateClient, "Nosy");
        await using var connection = await api.ConnectAsync(other);

        await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<LiveSubscription>("Subscribe", NotificationsApi.StreamOf(member.Id), 0L));
        await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<LiveSubscription>("Subscribe", "member:not-a-guid", 0L));
        var own = await connection.InvokeAsync<LiveSubscription>("Subscribe", $"member:{other.Id.ToString().ToUpperInvariant()}", 0L);
        Assert.Equal(NotificationsApi.StreamOf(other.Id), own.Stream);
    }
}
