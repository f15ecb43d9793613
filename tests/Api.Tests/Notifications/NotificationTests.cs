using CommunityOfPractice.Contracts.Notifications;
using CommunityOfPractice.Domain.Community;
using CommunityOfPractice.Domain.Notifications;

namespace CommunityOfPractice.Api.Tests.Notifications;

/// <summary>
/// What reaches a member under the bell: replies in threads they follow or to their posts,
/// mentions, news of places they follow and join decisions, each once, never to the actor, and
/// never what they may not read. Marking read, pages and each member's choice per kind.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class NotificationTests(ApiFactory api)
{
    [Fact]
    public async Task A_reply_tells_the_threads_followers_and_the_quoted_author_but_not_the_replier()
    {
        var starter = await Community.JoinAsync(api.CreateClient, "Starter");
        var follower = await Community.JoinAsync(api.CreateClient, "Follower");
        var quoted = await Community.JoinAsync(api.CreateClient, "Quoted");
        var replier = await Community.JoinAsync(api.CreateClient, "Replier");
        var stranger = await Community.JoinAsync(api.CreateClient, "Stranger");
        var thread = await ThreadsApi.StartAsync(starter.Client, "Where next for the Peckham forum?");
        using (var followed = await follower.Client.PutAsync($"/api/v1/threads/{thread.Id}/follow", null))
        {
            Assert.True(followed.IsSuccessStatusCode, followed.StatusCode.ToString());
        }

        var quotedPost = await ThreadsApi.ReplyAsync(quoted.Client, thread.Id, "My first thought.");
        using (var unfollowed = await quoted.Client.DeleteAsync($"/api/v1/threads/{thread.Id}/follow"))
        {
            Assert.True(unfollowed.IsSuccessStatusCode, unfollowed.StatusCode.ToString());
        }

        var reply = await ThreadsApi.ReplyAsync(replier.Client, thread.Id, "Agreed, and **more**: the hall on Rye Lane.", quotedPost.Id);

        // The quoted author hears of the one reply to them; the starter and the follower heard of
        // both replies, counted into one notification that shows the newest.
        foreach (var (told, title) in (ValueTuple<TestMember, string>[])[
            (quoted, $"{replier.DisplayName} replied in “Where next for the Peckham forum?”"),
            (starter, $"2 new replies in “Where next for the Peckham forum?”, the latest from {replier.DisplayName}"),
            (follower, $"2 new replies in “Where next for the Peckham forum?”, the latest from {replier.DisplayName}")])
        {
            var page = await NotificationsApi.WaitForAsync(told.Client, p => p.Items.Any(n => n.Title == title));
            var notification = Assert.Single(page.Items);
            Assert.Equal(NotificationKind.Reply, notification.Kind);
            Assert.Equal("Agreed, and more: the hall on Rye Lane.", notification.Text);
            Assert.Equal($"/Threads/{thread.Id}#post-{reply.Number}", notification.Link);
            Assert.False(notification.IsRead);
            Assert.Equal(1, page.Unread);
        }

        // The replier and someone with nothing to do with the thread hear nothing.
        Assert.Empty((await NotificationsApi.ListAsync(replier.Client)).Items);
        Assert.Empty((await NotificationsApi.ListAsync(stranger.Client)).Items);
    }

    [Fact]
    public async Task A_mention_is_one_mention_not_also_a_reply()
    {
        var starter = await Community.JoinAsync(api.CreateClient, "Mention Starter");
        var mentioned = await Community.JoinAsync(api.CreateClient, "Mentioned Person");
        var thread = await ThreadsApi.StartAsync(starter.Client, "Mentions");
        await ThreadsApi.ReplyAsync(mentioned.Client, thread.Id, "I follow this thread now.");

        await ThreadsApi.ReplyAsync(starter.Client, thread.Id, $"What do you think, {NotificationsApi.Handle(mentioned)}?");

        var page = await NotificationsApi.WaitForKindAsync(mentioned.Client, NotificationKind.Mention);
        var mention = Assert.Single(page.Items);
        Assert.Equal($"{starter.DisplayName} mentioned you in “Mentions”", mention.Title);
        Assert.Equal(1, page.Unread);
    }

    [Fact]
    public async Task A_post_hidden_after_its_notification_no_longer_shows_under_the_bell()
    {
        var starter = await Community.JoinAsync(api.CreateClient, "Hidden Starter");
        var author = await Community.JoinAsync(api.CreateClient, "Hidden Author");
        var moderator = await Community.JoinAsync(api.CreateClient, "Hiding Moderator", Contracts.Roles.Moderator);
        var thread = await ThreadsApi.StartAsync(starter.Client, "Something to hide");
        var reply = await ThreadsApi.ReplyAsync(author.Client, thread.Id, "Call me on 07700 900123.");
        await NotificationsApi.WaitForAsync(starter.Client, p => p.Items.Count == 1);

        using var hidden = await moderator.Client.PostAsJsonAsync($"/api/v1/posts/{reply.Id}/hide", new { reason = "Personal details" });
        Assert.True(hidden.IsSuccessStatusCode, hidden.StatusCode.ToString());

        var told = Assert.Single((await NotificationsApi.ListAsync(starter.Client)).Items);
        Assert.DoesNotContain("07700", told.Text, StringComparison.Ordinal);
        Assert.Equal("A moderator hid this post, or its author removed it.", told.Text);
    }

    [Fact]
    public async Task An_edit_tells_only_the_people_it_newly_mentions()
    {
        var author = await Community.JoinAsync(api.CreateClient, "Editing Author");
        var first = await Community.JoinAsync(api.CreateClient, "First Mentioned");
        var second = await Community.JoinAsync(api.CreateClient, "Second Mentioned");
        var thread = await ThreadsApi.StartAsync(author.Client, "Edited mentions");
        var post = await ThreadsApi.ReplyAsync(author.Client, thread.Id, $"Thanks {NotificationsApi.Handle(first)}.");
        await NotificationsApi.WaitForKindAsync(first.Client, NotificationKind.Mention);

        using var edited = await author.Client.PutAsJsonAsync($"/api/v1/posts/{post.Id}", new { body = $"Thanks {NotificationsApi.Handle(first)} and {NotificationsApi.Handle(second)}." });
        Assert.True(edited.IsSuccessStatusCode, edited.StatusCode.ToString());

        await NotificationsApi.WaitForKindAsync(second.Client, NotificationKind.Mention);
        Assert.Single((await NotificationsApi.ListAsync(first.Client)).Items);
    }

    [Fact]
    public async Task Replies_to_a_thread_count_into_one_unread_notification_until_it_is_read()
    {
        var member = await Community.JoinAsync(api.CreateClient, "Counted Reader");
        var other = await Community.JoinAsync(api.CreateClient, "Counted Writer");
        var thread = await ThreadsApi.StartAsync(member.Client, "A busy thread");
        var elsewhere = await ThreadsApi.StartAsync(member.Client, "A quiet thread");
        await ThreadsApi.ReplyAsync(other.Client, thread.Id, "Reply 1");
        await NotificationsApi.WaitForAsync(member.Client, p => p.Items.Count == 1);
        for (var i = 2; i <= 4; i++)
        {
            await ThreadsApi.ReplyAsync(other.Client, thread.Id, $"Reply {i}");
        }

        await ThreadsApi.ReplyAsync(other.Client, elsewhere.Id, "Somewhere else");

        var page = await NotificationsApi.WaitForAsync(member.Client, p => p.Items.Any(n => n.Title.StartsWith("4 new", StringComparison.Ordinal)) && p.Items.Count == 2);
        Assert.Equal(2, page.Unread);
        Assert.Equal(
            [($"{other.DisplayName} replied in “A quiet thread”", "Somewhere else"), ($"4 new replies in “A busy thread”, the latest from {other.DisplayName}", "Reply 4")],
            page.Items.Select(n => (n.Title, n.Text)));
        Assert.Equal($"/Threads/{thread.Id}#post-5", page.Items[1].Link);

        // Once read, the next reply is news again.
        await NotificationsApi.MarkReadAsync(member.Client, [page.Items[1].Id]);
        await ThreadsApi.ReplyAsync(other.Client, thread.Id, "Reply 5");
        var after = await NotificationsApi.WaitForAsync(member.Client, p => p.Items.Count == 3);
        Assert.Equal(2, after.Unread);
        Assert.Equal(($"{other.DisplayName} replied in “A busy thread”", "Reply 5", false), (after.Items[0].Title, after.Items[0].Text, after.Items[0].IsRead));
        Assert.True(after.Items.Single(n => n.Id == page.Items[1].Id).IsRead);
    }

    [Fact]
    public async Task Marking_read_one_or_all_moves_the_unread_count_and_pages_go_newest_first()
    {
        var member = await Community.JoinAsync(api.CreateClient, "Reader");
        var other = await Community.JoinAsync(api.CreateClient, "Writer");
        for (var i = 1; i <= 5; i++)
        {
            var thread = await ThreadsApi.StartAsync(member.Client, $"Thread {i}");
            await ThreadsApi.ReplyAsync(other.Client, thread.Id, $"Reply {i}");
            await NotificationsApi.WaitForAsync(member.Client, p => p.Items.Count == i);
        }

        var all = await NotificationsApi.ListAsync(member.Client);
        Assert.Equal(5, all.Unread);
        Assert.Equal(["Reply 5", "Reply 4", "Reply 3", "Reply 2", "Reply 1"], all.Items.Select(n => n.Text));

        var first = await NotificationsApi.ListAsync(member.Client, limit: 2);
        Assert.Equal(["Reply 5", "Reply 4"], first.Items.Select(n => n.Text));
        var second = await NotificationsApi.ListAsync(member.Client, first.Next, 2);
        Assert.Equal(["Reply 3", "Reply 2"], second.Items.Select(n => n.Text));
        var last = await NotificationsApi.ListAsync(member.Client, second.Next, 2);
        Assert.Equal(["Reply 1"], last.Items.Select(n => n.Text));
        Assert.Null(last.Next);

        Assert.Equal(4, (await NotificationsApi.MarkReadAsync(member.Client, [first.Items[0].Id])).Unread);
        Assert.Equal(4, (await NotificationsApi.MarkReadAsync(member.Client, [first.Items[0].Id])).Unread);

        // Someone else's notification is not theirs to mark.
        Assert.Equal(0, (await NotificationsApi.MarkReadAsync(other.Client, [first.Items[1].Id])).Unread);
        Assert.Equal(4, (await NotificationsApi.ListAsync(member.Client)).Unread);

        Assert.Equal(0, (await NotificationsApi.MarkReadAsync(member.Client, null, all: true)).Unread);
        Assert.All((await NotificationsApi.ListAsync(member.Client)).Items, n => Assert.True(n.IsRead));
    }

    [Fact]
    public async Task A_kind_turned_off_gives_nothing_and_the_settings_show_each_choice()
    {
        var member = await Community.JoinAsync(api.CreateClient, "Quiet");
        var other = await Community.JoinAsync(api.CreateClient, "Chatty");

        var defaults = await NotificationsApi.SettingsAsync(member.Client);
        Assert.Equal(Enum.GetValues<NotificationKind>(), defaults.Choices.Select(c => c.Kind));
        Assert.All(defaults.Choices, c => Assert.True(c.IsDefault));
        Assert.Equal(NotificationDelivery.Email, defaults.Choices.Single(c => c.Kind == NotificationKind.Reply).Delivery);
        Assert.Equal(NotificationDelivery.Weekly, defaults.Choices.Single(c => c.Kind == NotificationKind.PlaceActivity).Delivery);
        Assert.Equal(member.Email, defaults.Email);

        await NotificationsApi.ChooseAsync(member.Client, NotificationKind.Reply, NotificationDelivery.Off);
        var chosen = await NotificationsApi.SettingsAsync(member.Client);
        Assert.Equal(NotificationDelivery.Off, chosen.Choices.Single(c => c.Kind == NotificationKind.Reply).Delivery);
        Assert.False(chosen.Choices.Single(c => c.Kind == NotificationKind.Reply).IsDefault);

        var thread = await ThreadsApi.StartAsync(member.Client, "Off");
        await ThreadsApi.ReplyAsync(other.Client, thread.Id, "You will not hear of this.");
        await ThreadsApi.ReplyAsync(other.Client, thread.Id, $"But of this, {NotificationsApi.Handle(member)}.");

        var page = await NotificationsApi.WaitForKindAsync(member.Client, NotificationKind.Mention);
        Assert.Equal([NotificationKind.Mention], page.Items.Select(n => n.Kind));
    }

    [Theory]
    [InlineData("Replies", "Email", "choices.Replies", "There is no kind of notification called")]
    [InlineData("Reply", "Hourly", "choices.Reply", "Choose one of InApp, Email, Daily, Weekly, Off")]
    [InlineData("Reply", "2", "choices.Reply", "Choose one of")]
    public async Task Invalid_settings_are_a_400_on_the_entry_and_change_nothing(string kind, string delivery, string field, string message)
    {
        var member = await Community.JoinAsync(api.CreateClient, "Settings");
        using var response = await NotificationsApi.SendChoicesAsync(member.Client, new Dictionary<string, string>
        {
            ["Mention"] = "Off",
            [kind] = delivery,
        });

        var problem = await RegisterMemberTests.AssertValidationProblem(response);
        Assert.Contains(message, problem.Errors[field][0], StringComparison.Ordinal);
        Assert.All((await NotificationsApi.SettingsAsync(member.Client)).Choices, c => Assert.True(c.IsDefault));
    }

    [Fact]
    public async Task Followers_of_a_place_or_the_borough_around_it_hear_of_a_new_thread_there()
    {
        using var admin = await Community.AdminAsync(api.CreateClient);
        var borough = await PortfolioApi.AddPlaceAsync(admin, "Borough", PlaceKind.LocalAuthority);
        var neighbourhood = await PortfolioApi.AddPlaceAsync(admin, "Hood", PlaceKind.Neighbourhood, borough.Id);
        var boroughFollower = await Community.JoinAsync(api.CreateClient, "Borough Follower");
        var placeFollower = await Community.JoinAsync(api.CreateClient, "Place Follower");
        var author = await Community.JoinAsync(api.CreateClient, "Place Author");
        await PortfolioApi.FollowAsync(boroughFollower.Client, FollowTarget.Place, borough.Id);
        await PortfolioApi.FollowAsync(placeFollower.Client, FollowTarget.Place, neighbourhood.Id);
        await PortfolioApi.FollowAsync(author.Client, FollowTarget.Place, neighbourhood.Id);

        var thread = await ThreadsApi.StartAsync(author.Client, "Community hall hours", more: new { placeIds = new[] { neighbourhood.Id } });

        foreach (var follower in (TestMember[])[boroughFollower, placeFollower])
        {
            var news = Assert.Single((await NotificationsApi.WaitForKindAsync(follower.Client, NotificationKind.PlaceActivity)).Items);
            Assert.Equal("New discussion: “Community hall hours”", news.Title);
            Assert.Equal($"/Threads/{thread.Id}", news.Link);
            Assert.StartsWith($"{author.DisplayName} in {neighbourhood.Name}: ", news.Text, StringComparison.Ordinal);
        }

        Assert.Empty((await NotificationsApi.ListAsync(author.Client)).Items);
    }

    [Fact]
    public async Task Notifications_are_each_members_own()
    {
        using var anonymous = api.CreateClient();
        using var list = await anonymous.GetAsync("/api/v1/notifications");
        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
        using var settings = await anonymous.GetAsync("/api/v1/notifications/settings");
        Assert.Equal(HttpStatusCode.Unauthorized, settings.StatusCode);
        using var read = await anonymous.PostAsJsonAsync("/api/v1/notifications/read", new MarkNotificationsReadRequest(null, true));
        Assert.Equal(HttpStatusCode.Unauthorized, read.StatusCode);
    }
}
