namespace CommunityOfPractice.Api.Tests.Threads;

/// <summary>Every threads endpoint as a stranger, as a plain member and as a moderator: the server decides, every time.</summary>
[Collection(ApiCollection.Name)]
public sealed class ThreadAuthorizationTests(ApiFactory api)
{
    private static readonly Guid _id = Guid.NewGuid();

    public static TheoryData<string, string> AllEndpoints => new()
    {
        { "GET", "/api/v1/threads" },
        { "POST", "/api/v1/threads" },
        { "GET", $"/api/v1/threads/{_id}" },
        { "GET", $"/api/v1/threads/{_id}/posts" },
        { "POST", $"/api/v1/threads/{_id}/posts" },
        { "PUT", $"/api/v1/threads/{_id}/follow" },
        { "DELETE", $"/api/v1/threads/{_id}/follow" },
        { "PUT", $"/api/v1/threads/{_id}/read" },
        { "POST", $"/api/v1/threads/{_id}/lock" },
        { "POST", $"/api/v1/threads/{_id}/unlock" },
        { "POST", $"/api/v1/threads/{_id}/pin" },
        { "POST", $"/api/v1/threads/{_id}/unpin" },
        { "PUT", $"/api/v1/posts/{_id}" },
        { "DELETE", $"/api/v1/posts/{_id}" },
        { "GET", $"/api/v1/posts/{_id}/revisions" },
        { "POST", $"/api/v1/posts/{_id}/hide" },
        { "POST", $"/api/v1/posts/{_id}/unhide" },
    };

    [Theory]
    [MemberData(nameof(AllEndpoints))]
    public async Task Strangers_get_401(string method, string path)
    {
        using var response = await api.CreateClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = method is "POST" or "PUT" ? JsonContent.Create(new { }) : null,
        });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Members_get_403_on_every_moderation_endpoint_and_nothing_changes()
    {
        var member = await Community.JoinAsync(api.CreateClient, "Plain Member", "host", "funder");
        var thread = await ThreadsApi.StartAsync(member.Client);
        var post = await ThreadsApi.ReplyAsync(member.Client, thread.Id, "My own post");

        var paths = new[] { "lock", "unlock", "pin", "unpin" }.Select(c => $"/api/v1/threads/{thread.Id}/{c}")
            .Concat([$"/api/v1/posts/{post.Id}/hide", $"/api/v1/posts/{post.Id}/unhide"]);
        foreach (var path in paths)
        {
            using var response = await member.Client.PostAsJsonAsync(path, new { reason = "Because I can" });
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"POST {path} answered {(int)response.StatusCode}");
        }

        var after = await ThreadsApi.GetAsync(member.Client, thread.Id);
        Assert.False(after.IsLocked || after.IsPinned);
        Assert.False((await ThreadsApi.PostPageAsync(member.Client, thread.Id)).Items.Single(p => p.Id == post.Id).IsHidden);
    }

    [Fact]
    public async Task Moderators_hide_lock_and_pin_but_members_read_edit_and_delete_only_their_own()
    {
        var author = await Community.JoinAsync(api.CreateClient, "Author");
        var moderator = await Community.JoinAsync(api.CreateClient, "Moderator", "moderator");
        var thread = await ThreadsApi.StartAsync(author.Client);
        var post = await ThreadsApi.ReplyAsync(author.Client, thread.Id, "Fine words");

        foreach (var path in new[] { "lock", "unlock", "pin", "unpin" }.Select(c => $"/api/v1/threads/{thread.Id}/{c}")
            .Concat([$"/api/v1/posts/{post.Id}/hide", $"/api/v1/posts/{post.Id}/unhide"]))
        {
            using var response = await moderator.Client.PostAsJsonAsync(path, new { reason = "Checking" });
            Assert.True(response.StatusCode == HttpStatusCode.NoContent, $"POST {path} as a moderator answered {(int)response.StatusCode}");
        }

        using var edit = await author.Client.PutAsJsonAsync($"/api/v1/posts/{post.Id}", new { body = "Finer words" });
        using var delete = await author.Client.DeleteAsync($"/api/v1/posts/{post.Id}");
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
    }
}
