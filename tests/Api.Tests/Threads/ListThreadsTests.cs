namespace CommunityOfPractice.Api.Tests.Threads;

[Collection(ApiCollection.Name)]
public sealed class ListThreadsTests(ApiFactory api)
{
    [Fact]
    public async Task Pages_of_threads_have_no_duplicates_and_keep_latest_activity_first()
    {
        var member = await Community.JoinAsync(api.CreateClient);
        var tag = ThreadsApi.UniqueTag();
        var started = new List<ThreadDetail>();
        for (var i = 1; i <= 5; i++)
        {
            started.Add(await ThreadsApi.StartAsync(member.Client, $"Thread {i} #{tag}"));
        }

        // A reply brings the oldest back to the top.
        await ThreadsApi.ReplyAsync(member.Client, started[0].Id, "Bump");
        var pages = await AllPagesAsync(member, $"tag={tag}&limit=2");

        Assert.Equal([2, 2, 1], pages.Select(p => p.Items.Count));
        Assert.Null(pages[^1].Next);
        var ids = pages.SelectMany(p => p.Items).Select(t => t.Id).ToList();
        Assert.Equal([started[0].Id, started[4].Id, started[3].Id, started[2].Id, started[1].Id], ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task Tags_match_without_case_and_with_or_without_the_hash()
    {
        var member = await Community.JoinAsync(api.CreateClient);
        var tag = ThreadsApi.UniqueTag();
        var thread = await ThreadsApi.StartAsync(member.Client, "A title", $"Body text with #{tag} in it.");

        foreach (var query in new[] { tag, tag.ToLowerInvariant(), tag.ToUpperInvariant(), Uri.EscapeDataString($"#{tag}") })
        {
            Assert.Equal([thread.Id], (await ListAsync(member, $"tag={query}")).Select(t => t.Id));
        }

        Assert.Equal([tag], thread.Hashtags);
    }

    [Fact]
    public async Task Place_stage_and_followed_filters_narrow_the_list()
    {
        var member = await Community.JoinAsync(api.CreateClient);
        var other = await Community.JoinAsync(api.CreateClient, "Other");
        var places = await member.Client.GetFromJsonAsync<PlaceRef[]>("/api/v1/places", Json.Options);
        var hackney = places!.Single(p => p.Name == "Hackney");
        var tag = ThreadsApi.UniqueTag();
        var inHackney = await ThreadsApi.StartAsync(other.Client, $"In Hackney #{tag}", more: new { placeIds = new[] { hackney.Id } });
        var mutuality = await ThreadsApi.StartAsync(other.Client, $"Mutuality #{tag}", more: new { stage = "Mutuality" });
        var followed = await ThreadsApi.StartAsync(other.Client, $"Followed #{tag}");
        using (var follow = await member.Client.PutAsync($"/api/v1/threads/{followed.Id}/follow", null))
        {
            await ThreadsApi.ExpectAsync(follow, System.Net.HttpStatusCode.NoContent);
        }

        Assert.Equal([inHackney.Id], (await ListAsync(member, $"tag={tag}&placeId={hackney.Id}")).Select(t => t.Id));
        Assert.Equal([mutuality.Id], (await ListAsync(member, $"tag={tag}&stage=Mutuality")).Select(t => t.Id));
        Assert.Equal([followed.Id], (await ListAsync(member, $"tag={tag}&followed=true")).Select(t => t.Id));
        Assert.Equal(3, (await ListAsync(member, $"tag={tag}&followed=false")).Count);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("after=not-a-cursor", "after")]
    [InlineData("after=MXwxfDE", "after")]
    public async Task Bad_limits_and_cursors_are_400_on_their_field(string query, string field)
    {
        var member = await Community.JoinAsync(api.CreateClient);

        using var response = await member.Client.GetAsync($"/api/v1/threads?{query}");

        Assert.Contains(field, (await RegisterMemberTests.AssertValidationProblem(response)).Errors.Keys);
    }

    [Fact]
    public async Task An_unknown_stage_in_the_query_is_400_not_500()
    {
        var member = await Community.JoinAsync(api.CreateClient);

        using var response = await member.Client.GetAsync("/api/v1/threads?stage=Planet");

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static async Task<IReadOnlyList<ThreadSummary>> ListAsync(TestMember member, string query) =>
        (await member.Client.GetFromJsonAsync<ThreadPage>($"/api/v1/threads?{query}", Json.Options))!.Items;

    private static async Task<List<ThreadPage>> AllPagesAsync(TestMember member, string query)
    {
        var pages = new List<ThreadPage>();
        string? after = null;
        do
        {
            var page = await member.Client.GetFromJsonAsync<ThreadPage>(
                $"/api/v1/threads?{query}{(after is null ? string.Empty : $"&after={Uri.EscapeDataString(after)}")}", Json.Options);
            pages.Add(page!);
            after = page!.Next;
        }
        while (after is not null && pages.Count < 20);

        return pages;
    }
}
