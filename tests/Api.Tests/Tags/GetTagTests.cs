using CommunityOfPractice.Contracts.Tags;

namespace CommunityOfPractice.Api.Tests.Tags;

[Collection(ApiCollection.Name)]
public sealed class GetTagTests(ApiFactory api)
{
    [Fact]
    public async Task A_tag_page_gathers_threads_events_and_papers_without_case_and_leaves_drafts_out()
    {
        var tag = ThreadsApi.UniqueTag();
        var host = await Community.JoinAsync(api.CreateClient, "Tag Host", "host");
        var opened = await ThreadsApi.StartAsync(host.Client, $"Opening with the tag {Guid.NewGuid():N}"[..30], $"Why place now? #{tag}");
        var replied = await ThreadsApi.StartAsync(host.Client, $"Tag only in a reply {Guid.NewGuid():N}"[..30]);
        await ThreadsApi.ReplyAsync(host.Client, replied.Id, $"Adding this to (#{tag.ToLowerInvariant()}).");
        var untagged = await ThreadsApi.StartAsync(host.Client, $"Tag inside a word {Guid.NewGuid():N}"[..30]);
        await ThreadsApi.ReplyAsync(host.Client, untagged.Id, $"Not a tag: x#{tag} or #{tag}more");
        var gathering = await EventsApi.CreateAsync(host.Client, new { description = $"A day for places #{tag}" });
        var draft = await EventsApi.CreateAsync(host.Client, new { description = $"Not yet #{tag}" }, publish: false);
        var paper = await LibraryApi.PublishAsync(host.Client, TestPdfs.Create("A tagged paper."), LibraryApi.Metadata(extra: new { hashtags = new[] { tag } }));

        var page = await GetAsync(host.Client, tag.ToUpperInvariant());

        Assert.Equal(new[] { opened.Id, replied.Id }.Order(), page.Threads.Select(t => t.Id).Order());
        Assert.DoesNotContain(page.Threads, t => t.Id == untagged.Id);
        Assert.Equal([gathering.Id], page.Events.Select(e => e.Id));
        Assert.DoesNotContain(page.Events, e => e.Id == draft.Id);
        Assert.Equal([paper.Id], page.Papers.Select(p => p.Id));
        Assert.False(page.SignInForMore);
    }

    [Fact]
    public async Task A_visitor_sees_public_papers_only_and_is_asked_to_sign_in_for_the_rest()
    {
        var tag = ThreadsApi.UniqueTag();
        var host = await Community.JoinAsync(api.CreateClient, "Tag Host", "host");
        await ThreadsApi.StartAsync(host.Client, $"Members talk {Guid.NewGuid():N}"[..24], $"#{tag}");
        var open = await LibraryApi.PublishAsync(host.Client, TestPdfs.Create("Open."), LibraryApi.Metadata(extra: new { hashtags = new[] { tag } }));
        var members = await LibraryApi.PublishAsync(host.Client, TestPdfs.Create("Members."),
            LibraryApi.Metadata(extra: new { hashtags = new[] { tag }, visibility = "Members" }));

        var page = await GetAsync(api.CreateClient(), $"#{tag}");

        Assert.Empty(page.Threads);
        Assert.Empty(page.Events);
        Assert.Equal([open.Id], page.Papers.Select(p => p.Id));
        Assert.DoesNotContain(page.Papers, p => p.Id == members.Id);
        Assert.True(page.SignInForMore);
    }

    [Fact]
    public async Task A_tag_no_one_uses_is_an_empty_page()
    {
        var page = await GetAsync(api.CreateClient(), ThreadsApi.UniqueTag());

        Assert.Empty(page.Papers);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("1abc")]
    [InlineData("two words")]
    public async Task Something_that_is_not_a_hashtag_is_400_on_the_tag(string tag)
    {
        using var response = await api.CreateClient().GetAsync($"/api/v1/tags/{Uri.EscapeDataString(tag)}");

        Assert.Contains("tag", (await RegisterMemberTests.AssertValidationProblem(response)).Errors.Keys);
    }

    private static async Task<TagPage> GetAsync(HttpClient client, string tag)
    {
        using var response = await client.GetAsync($"/api/v1/tags/{Uri.EscapeDataString(tag)}");
        return await ThreadsApi.ExpectAsync<TagPage>(response, HttpStatusCode.OK);
    }
}
