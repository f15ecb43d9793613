namespace CommunityOfPractice.Api.Tests.Threads;

[Collection(ApiCollection.Name)]
public sealed class ListPostsTests(ApiFactory api)
{
    [Fact]
    public async Task Posts_come_in_pages_after_a_number_in_order_without_duplicates()
    {
        var member = await Community.JoinAsync(api.CreateClient);
        var thread = await ThreadsApi.StartAsync(member.Client);
        for (var i = 2; i <= 12; i++)
        {
            await ThreadsApi.ReplyAsync(member.Client, thread.Id, $"Post {i}");
        }

        var first = await ThreadsApi.PostPageAsync(member.Client, thread.Id, limit: 5);
        var second = await ThreadsApi.PostPageAsync(member.Client, thread.Id, first.Next, 5);
        var third = await ThreadsApi.PostPageAsync(member.Client, thread.Id, second.Next, 5);

        Assert.Equal([1, 2, 3, 4, 5], first.Items.Select(p => p.Number));
        Assert.Equal(5, first.Next);
        Assert.Equal([6, 7, 8, 9, 10], second.Items.Select(p => p.Number));
        Assert.Equal([11, 12], third.Items.Select(p => p.Number));
        Assert.Null(third.Next);
        Assert.All(new[] { first, second, third }, page => Assert.Equal(12, page.LastSeq));
        Assert.Empty((await ThreadsApi.PostPageAsync(member.Client, thread.Id, 12)).Items);
    }

    [Fact]
    public async Task Posts_of_a_missing_thread_are_404()
    {
        var member = await Community.JoinAsync(api.CreateClient);

        using var response = await member.Client.GetAsync($"/api/v1/threads/{Guid.NewGuid()}/posts");
        using var thread = await member.Client.GetAsync($"/api/v1/threads/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, thread.StatusCode);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("after=-1", "after")]
    public async Task Bad_limits_and_positions_are_400_on_their_field(string query, string field)
    {
        var member = await Community.JoinAsync(api.CreateClient);
        var thread = await ThreadsApi.StartAsync(member.Client);

        using var response = await member.Client.GetAsync($"/api/v1/threads/{thread.Id}/posts?{query}");

        Assert.Contains(field, (await RegisterMemberTests.AssertValidationProblem(response)).Errors.Keys);
    }
}
