using CommunityOfPractice.Domain.Community;

namespace CommunityOfPractice.Api.Tests.Threads;

[Collection(ApiCollection.Name)]
public sealed class StartThreadTests(ApiFactory api)
{
    [Fact]
    public async Task A_member_starts_a_thread_whose_body_is_post_1_with_hashtags_places_and_stage()
    {
        var member = await Community.JoinAsync(api.CreateClient, "Starter");
        var places = await member.Client.GetFromJsonAsync<PlaceRef[]>("/api/v1/places", Json.Options);
        var hackney = places!.Single(p => p.Name == "Hackney");
        var southwark = places!.Single(p => p.Name == "Southwark");
        var tag = ThreadsApi.UniqueTag();

        var thread = await ThreadsApi.StartAsync(member.Client, $"#{tag}: what we heard", "Notes from the #PowerofPlace gathering.",
            new { placeIds = new[] { southwark.Id, hackney.Id }, stage = "Established" });

        Assert.Equal($"#{tag}: what we heard", thread.Title);
        Assert.Equal([tag, "PowerofPlace"], thread.Hashtags);
        Assert.Equal(["Hackney", "Southwark"], thread.Places.Select(p => p.Name));
        Assert.Equal(FrameworkStage.Established, thread.Stage);
        Assert.Equal((1, 0), (thread.PostCount, thread.ReplyCount));
        Assert.Equal(member.Id, thread.Author.Id);
        Assert.Equal(member.DisplayName, thread.Author.DisplayName);
        Assert.Equal(1, thread.LastSeq);
        Assert.True(thread.IsFollowed);
        Assert.Equal((1, 0), (thread.LastReadNumber, thread.UnreadCount));
        Assert.False(thread.CanModerate);

        var opening = Assert.Single((await ThreadsApi.PostPageAsync(member.Client, thread.Id)).Items);
        Assert.Equal(1, opening.Number);
        Assert.Equal("Notes from the #PowerofPlace gathering.", opening.Markdown);
        Assert.Contains("href=\"/tags/PowerofPlace\"", opening.Html, StringComparison.Ordinal);
        Assert.True(opening.CanEdit);
        Assert.Equivalent(thread, await ThreadsApi.GetAsync(member.Client, thread.Id), strict: true);
    }

    [Fact]
    public async Task A_moderator_reading_a_thread_may_moderate_it()
    {
        var member = await Community.JoinAsync(api.CreateClient);
        var moderator = await Community.JoinAsync(api.CreateClient, "Moderator", "moderator");
        var thread = await ThreadsApi.StartAsync(member.Client);

        Assert.True((await ThreadsApi.GetAsync(moderator.Client, thread.Id)).CanModerate);
        Assert.False((await ThreadsApi.GetAsync(member.Client, thread.Id)).CanModerate);
    }

    [Fact]
    public async Task A_title_of_200_and_a_body_of_50000_characters_are_accepted()
    {
        var member = await Community.JoinAsync(api.CreateClient);

        var thread = await ThreadsApi.StartAsync(member.Client, new string('t', 200), new string('b', 50_000));

        Assert.Equal(200, thread.Title.Length);
    }

    public static TheoryData<string, string, string> BadThreads => new()
    {
        { "", "A body", "title" },
        { "   ", "A body", "title" },
        { new string('t', 201), "A body", "title" },
        { "A title", "", "body" },
        { "A title", " \n\t ", "body" },
        { "A title", new string('b', 50_001), "body" },
    };

    [Theory]
    [MemberData(nameof(BadThreads))]
    public async Task Empty_or_over_long_titles_and_bodies_are_400_on_their_field(string title, string body, string field)
    {
        var member = await Community.JoinAsync(api.CreateClient);

        using var response = await member.Client.PostAsJsonAsync("/api/v1/threads", new { title, body });

        var problem = await RegisterMemberTests.AssertValidationProblem(response);
        Assert.Equal([field], problem.Errors.Keys);
    }

    [Fact]
    public async Task Missing_fields_unknown_stages_and_unknown_places_are_field_errors_not_500()
    {
        var member = await Community.JoinAsync(api.CreateClient);

        using var empty = await member.Client.PostAsJsonAsync("/api/v1/threads", new { });
        using var stage = await member.Client.PostAsJsonAsync("/api/v1/threads", new { title = "T", body = "B", stage = "Planet" });
        using var place = await member.Client.PostAsJsonAsync("/api/v1/threads", new { title = "T", body = "B", placeIds = new[] { Guid.NewGuid() } });

        Assert.Equal(["body", "title"], (await RegisterMemberTests.AssertValidationProblem(empty)).Errors.Keys.Order());
        Assert.Contains("stage", (await RegisterMemberTests.AssertValidationProblem(stage)).Errors.Keys);
        Assert.Contains("placeIds", (await RegisterMemberTests.AssertValidationProblem(place)).Errors.Keys);
    }

    [Fact]
    public async Task Starting_a_thread_twice_with_one_idempotency_key_stores_one_thread()
    {
        var member = await Community.JoinAsync(api.CreateClient);
        var tag = ThreadsApi.UniqueTag();
        var key = Guid.NewGuid().ToString();

        async Task<(HttpStatusCode Status, ThreadDetail Thread)> StartAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/threads") { Content = JsonContent.Create(new { title = $"#{tag}", body = "Once" }) };
            request.Headers.Add(ThreadsApi.IdempotencyHeader, key);
            using var response = await member.Client.SendAsync(request);
            return (response.StatusCode, await response.ReadAsync<ThreadDetail>());
        }

        var first = await StartAsync();
        var retried = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => StartAsync()));

        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.All(retried, r => Assert.Equal((HttpStatusCode.Created, first.Thread.Id), (r.Status, r.Thread.Id)));
        var listed = await member.Client.GetFromJsonAsync<ThreadPage>($"/api/v1/threads?tag={tag}", Json.Options);
        Assert.Single(listed!.Items);
        Assert.Single((await ThreadsApi.PostPageAsync(member.Client, first.Thread.Id)).Items);
    }
}
