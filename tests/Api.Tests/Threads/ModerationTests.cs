namespace CommunityOfPractice.Api.Tests.Threads;

[Collection(ApiCollection.Name)]
public sealed class ModerationTests(ApiFactory api)
{
    [Theory]
    [InlineData("moderator")]
    [InlineData("admin")]
    public async Task Moderators_and_admins_lock_and_unlock_a_thread(string role)
    {
        var member = await Community.JoinAsync(api.CreateClient);
        var moderator = await Community.JoinAsync(api.CreateClient, "Moderator", role);
        var thread = await ThreadsApi.StartAsync(member.Client);

        await PostAsync(moderator, $"/api/v1/threads/{thread.Id}/lock");
        Assert.True((await ThreadsApi.GetAsync(member.Client, thread.Id)).IsLocked);
        using (var refused = await ThreadsApi.SendReplyAsync(member.Client, thread.Id, "Too late"))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        }

        await PostAsync(moderator, $"/api/v1/threads/{thread.Id}/unlock");
        Assert.False((await ThreadsApi.GetAsync(member.Client, thread.Id)).IsLocked);
        await ThreadsApi.ReplyAsync(member.Client, thread.Id, "Open again");
    }

    [Fact]
    public async Task A_pinned_thread_comes_first_until_unpinned()
    {
        var member = await Community.JoinAsync(api.CreateClient);
        var moderator = await Community.JoinAsync(api.CreateClient, "Moderator", "moderator");
        var tag = ThreadsApi.UniqueTag();
        var older = await ThreadsApi.StartAsync(member.Client, $"Older #{tag}");
        var newer = await ThreadsApi.StartAsync(member.Client, $"Newer #{tag}");

        await PostAsync(moderator, $"/api/v1/threads/{older.Id}/pin");
        var pinned = await ListAsync(member, tag);
        await PostAsync(moderator, $"/api/v1/threads/{older.Id}/unpin");
        var unpinned = await ListAsync(member, tag);

        Assert.Equal([older.Id, newer.Id], pinned.Select(t => t.Id));
        Assert.True(pinned[0].IsPinned);
        Assert.Equal([newer.Id, older.Id], unpinned.Select(t => t.Id));
    }

    [Fact]
    public async Task Hiding_needs_a_reason_of_at_most_500_characters()
    {
        var member = await Community.JoinAsync(api.CreateClient);
        var moderator = await Community.JoinAsync(api.CreateClient, "Moderator", "moderator");
        var thread = await ThreadsApi.StartAsync(member.Client);
        var post = await ThreadsApi.ReplyAsync(member.Client, thread.Id, "Borderline");

        using var empty = await moderator.Client.PostAsJsonAsync($"/api/v1/posts/{post.Id}/hide", new { reason = " " });
        using var tooLong = await moderator.Client.PostAsJsonAsync($"/api/v1/posts/{post.Id}/hide", new { reason = new string('r', 501) });
        using var missing = await moderator.Client.PostAsJsonAsync($"/api/v1/posts/{Guid.NewGuid()}/hide", new { reason = "Gone" });

        Assert.Equal(["reason"], (await RegisterMemberTests.AssertValidationProblem(empty)).Errors.Keys);
        Assert.Equal(["reason"], (await RegisterMemberTests.AssertValidationProblem(tooLong)).Errors.Keys);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.False((await ThreadsApi.PostPageAsync(member.Client, thread.Id)).Items.Single(p => p.Id == post.Id).IsHidden);
    }

    [Fact]
    public async Task Moderating_a_missing_thread_is_404()
    {
        var moderator = await Community.JoinAsync(api.CreateClient, "Moderator", "moderator");

        foreach (var change in new[] { "lock", "unlock", "pin", "unpin" })
        {
            using var response = await moderator.Client.PostAsync($"/api/v1/threads/{Guid.NewGuid()}/{change}", null);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    private static async Task PostAsync(TestMember moderator, string path)
    {
        using var response = await moderator.Client.PostAsync(path, null);
        await ThreadsApi.ExpectAsync(response, HttpStatusCode.NoContent);
    }

    private static async Task<IReadOnlyList<ThreadSummary>> ListAsync(TestMember member, string tag) =>
        (await member.Client.GetFromJsonAsync<ThreadPage>($"/api/v1/threads?tag={tag}", Json.Options))!.Items;
}
