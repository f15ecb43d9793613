namespace CommunityOfPractice.Api.Tests.Threads;

/// <summary>Following threads and the unread marker ("12 new replies").</summary>
[Collection(ApiCollection.Name)]
public sealed class ReadingTests(ApiFactory api)
{
    [Fact]
    public async Task A_member_follows_and_unfollows_a_thread_and_the_followed_list_follows_suit()
    {
        var author = await Community.JoinAsync(api.CreateClient, "Author");
        var reader = await Community.JoinAsync(api.CreateClient, "Reader");
        var tag = ThreadsApi.UniqueTag();
        var thread = await ThreadsApi.StartAsync(author.Client, $"Follow me #{tag}");
        Assert.False((await ThreadsApi.GetAsync(reader.Client, thread.Id)).IsFollowed);

        await SendAsync(reader, HttpMethod.Put, $"/api/v1/threads/{thread.Id}/follow");
        Assert.True((await ThreadsApi.GetAsync(reader.Client, thread.Id)).IsFollowed);
        Assert.Equal([thread.Id], (await FollowedAsync(reader, tag)).Select(t => t.Id));
        Assert.Equal([thread.Id], (await FollowedAsync(author, tag)).Select(t => t.Id));

        await SendAsync(reader, HttpMethod.Delete, $"/api/v1/threads/{thread.Id}/follow");
        Assert.False((await ThreadsApi.GetAsync(reader.Client, thread.Id)).IsFollowed);
        Assert.Empty(await FollowedAsync(reader, tag));

        using var missing = await reader.Client.PutAsync($"/api/v1/threads/{Guid.NewGuid()}/follow", null);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Unread_counts_follow_other_peoples_replies_and_the_read_marker_only_moves_forward()
    {
        var author = await Community.JoinAsync(api.CreateClient, "Author");
        var reader = await Community.JoinAsync(api.CreateClient, "Reader");
        var thread = await ThreadsApi.StartAsync(author.Client);
        var fresh = await ThreadsApi.GetAsync(reader.Client, thread.Id);
        Assert.Equal((0, 1), (fresh.LastReadNumber, fresh.UnreadCount));

        for (var i = 1; i <= 3; i++)
        {
            await ThreadsApi.ReplyAsync(author.Client, thread.Id, $"Reply {i}");
        }

        Assert.Equal((0, 4), Marker(await ThreadsApi.GetAsync(reader.Client, thread.Id)));
        Assert.Equal((4, 0), Marker(await ThreadsApi.GetAsync(author.Client, thread.Id)));

        await ReadAsync(reader, thread.Id, 2);
        Assert.Equal((2, 2), Marker(await ThreadsApi.GetAsync(reader.Client, thread.Id)));
        await ReadAsync(reader, thread.Id, 1);
        Assert.Equal((2, 2), Marker(await ThreadsApi.GetAsync(reader.Client, thread.Id)));
        await ReadAsync(reader, thread.Id, 999);
        Assert.Equal((4, 0), Marker(await ThreadsApi.GetAsync(reader.Client, thread.Id)));

        var own = await ThreadsApi.ReplyAsync(reader.Client, thread.Id, "My own reply is read already");
        Assert.Equal((own.Number, 0), Marker(await ThreadsApi.GetAsync(reader.Client, thread.Id)));
        Assert.Equal((4, 1), Marker(await ThreadsApi.GetAsync(author.Client, thread.Id)));
    }

    [Fact]
    public async Task Marking_a_negative_post_or_a_missing_thread_as_read_is_refused()
    {
        var member = await Community.JoinAsync(api.CreateClient);
        var thread = await ThreadsApi.StartAsync(member.Client);

        using var negative = await member.Client.PutAsJsonAsync($"/api/v1/threads/{thread.Id}/read", new { number = -1 });
        using var missing = await member.Client.PutAsJsonAsync($"/api/v1/threads/{Guid.NewGuid()}/read", new { number = 1 });

        Assert.Equal(["number"], (await RegisterMemberTests.AssertValidationProblem(negative)).Errors.Keys);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private static (int LastRead, int Unread) Marker(ThreadDetail thread) => (thread.LastReadNumber, thread.UnreadCount);

    private static async Task ReadAsync(TestMember member, Guid threadId, int number)
    {
        using var response = await member.Client.PutAsJsonAsync($"/api/v1/threads/{threadId}/read", new { number });
        await ThreadsApi.ExpectAsync(response, HttpStatusCode.NoContent);
    }

    private static async Task SendAsync(TestMember member, HttpMethod method, string path)
    {
        using var response = await member.Client.SendAsync(new HttpRequestMessage(method, path));
        await ThreadsApi.ExpectAsync(response, HttpStatusCode.NoContent);
    }

    private static async Task<IReadOnlyList<ThreadSummary>> FollowedAsync(TestMember member, string tag) =>
        (await member.Client.GetFromJsonAsync<ThreadPage>($"/api/v1/threads?followed=true&tag={tag}", Json.Options))!.Items;
}
