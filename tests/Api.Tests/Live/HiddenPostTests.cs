using Microsoft.AspNetCore.SignalR.Client;

namespace CommunityOfPractice.Api.Tests.Live;

[Collection(LiveCollection.Name)]
public sealed class HiddenPostTests(LiveServer api)
{
    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Hidden_content_never_reaches_members_live_or_in_catch_up_but_moderators_still_see_it()
    {
        var author = await Community.JoinAsync(api.CreateClient, "Author");
        var member = await Community.JoinAsync(api.CreateClient, "Member");
        var moderator = await Community.JoinAsync(api.CreateClient, "Moderator", "moderator");
        var thread = await ThreadsApi.StartAsync(author.Client);
        var secret = $"secret-{Guid.NewGuid():N}";
        var post = await ThreadsApi.ReplyAsync(author.Client, thread.Id, $"Something rude {secret}");

        await using var watcher = api.LiveReader(member, thread.Id, post.Number);
        await watcher.StartAsync();
        using (var hidden = await moderator.Client.PostAsJsonAsync($"/api/v1/posts/{post.Id}/hide", new { reason = "Personal attack" }))
        {
            await ThreadsApi.ExpectAsync(hidden, HttpStatusCode.NoContent);
        }

        await watcher.WaitForSeqAsync(3, _timeout);
        var hiddenEvent = Assert.Single(watcher.Events);
        Assert.Equal("post.hidden", hiddenEvent.Kind);
        Assert.Equal(["number", "postId"], hiddenEvent.Data.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(post.Id, hiddenEvent.Data.GetProperty("postId").GetGuid());

        // A member arriving now: the old post.added comes back without its content.
        await using var memberConnection = await api.ConnectAsync(member);
        var memberCatchUp = await memberConnection.InvokeAsync<LiveSubscription>("Subscribe", ThreadsApi.StreamOf(thread.Id), 0L);
        var added = memberCatchUp.Events.Single(e => e.Seq == 2).Data.Deserialize<PostView>(Json.Options)!;
        Assert.Equal(post.Id, added.Id);
        Assert.Null(added.Html);
        Assert.Null(added.Markdown);
        Assert.Null(added.HiddenReason);
        Assert.True(added.IsHidden);
        Assert.DoesNotContain(secret, JsonSerializer.Serialize(memberCatchUp), StringComparison.Ordinal);

        // The author edits the hidden post: readers hear of it, still without content.
        var secondSecret = $"secret-{Guid.NewGuid():N}";
        using (var edited = await author.Client.PutAsJsonAsync($"/api/v1/posts/{post.Id}", new { body = $"Still rude {secondSecret}" }))
        {
            await ThreadsApi.ExpectAsync(edited, HttpStatusCode.OK);
        }

        await watcher.WaitForSeqAsync(4, _timeout);
        Assert.Equal("post.edited", watcher.Events[^1].Kind);
        Assert.DoesNotContain(secondSecret, JsonSerializer.Serialize(watcher.Events), StringComparison.Ordinal);
        Assert.DoesNotContain(secret, JsonSerializer.Serialize(watcher.Events), StringComparison.Ordinal);

        // Moderators: content in catch-up and over HTTP, with the reason.
        await using var moderatorConnection = await api.ConnectAsync(moderator);
        var moderatorCatchUp = await moderatorConnection.InvokeAsync<LiveSubscription>("Subscribe", ThreadsApi.StreamOf(thread.Id), 0L);
        Assert.Contains(secondSecret, moderatorCatchUp.Events.Single(e => e.Seq == 2).Data.GetProperty("html").GetString(), StringComparison.Ordinal);
        var asModerator = (await ThreadsApi.AllPostsAsync(moderator.Client, thread.Id)).Posts.Single(p => p.Id == post.Id);
        Assert.Equal("Personal attack", asModerator.HiddenReason);
        Assert.Contains(secondSecret, asModerator.Html, StringComparison.Ordinal);

        // Over HTTP: members see that it is hidden, not what it said; the author sees why.
        var asMember = (await ThreadsApi.AllPostsAsync(member.Client, thread.Id)).Posts.Single(p => p.Id == post.Id);
        Assert.True(asMember.IsHidden);
        Assert.Null(asMember.Html);
        Assert.Null(asMember.HiddenReason);
        var asAuthor = (await ThreadsApi.AllPostsAsync(author.Client, thread.Id)).Posts.Single(p => p.Id == post.Id);
        Assert.Null(asAuthor.Html);
        Assert.Equal("Personal attack", asAuthor.HiddenReason);
        using var revisions = await member.Client.GetAsync($"/api/v1/posts/{post.Id}/revisions");
        Assert.Equal(HttpStatusCode.NotFound, revisions.StatusCode);
    }

    [Fact]
    public async Task Unhiding_sends_the_post_again_to_readers()
    {
        var author = await Community.JoinAsync(api.CreateClient, "Author");
        var member = await Community.JoinAsync(api.CreateClient, "Member");
        var moderator = await Community.JoinAsync(api.CreateClient, "Moderator", "moderator");
        var thread = await ThreadsApi.StartAsync(author.Client);
        var post = await ThreadsApi.ReplyAsync(author.Client, thread.Id, "Harsh but fair");
        using (var hidden = await moderator.Client.PostAsJsonAsync($"/api/v1/posts/{post.Id}/hide", new { reason = "Checking" }))
        {
            await ThreadsApi.ExpectAsync(hidden, HttpStatusCode.NoContent);
        }

        await using var watcher = api.LiveReader(member, thread.Id, 3);
        await watcher.StartAsync();
        using (var unhidden = await moderator.Client.PostAsync($"/api/v1/posts/{post.Id}/unhide", null))
        {
            await ThreadsApi.ExpectAsync(unhidden, HttpStatusCode.NoContent);
        }

        await watcher.WaitForSeqAsync(4, _timeout);
        var shown = Assert.Single(watcher.Events);
        Assert.Equal("post.unhidden", shown.Kind);
        var again = shown.Data.Deserialize<PostView>(Json.Options)!;
        Assert.Equal(post.Html, again.Html);
        Assert.False(again.IsHidden);
        Assert.Null(again.HiddenReason);
    }
}
