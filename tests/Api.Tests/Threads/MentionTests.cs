namespace CommunityOfPractice.Api.Tests.Threads;

[Collection(ApiCollection.Name)]
public sealed class MentionTests(ApiFactory api)
{
    [Fact]
    public async Task A_mention_of_a_members_handle_links_to_their_profile_and_unknown_handles_stay_text()
    {
        var author = await Community.JoinAsync(api.CreateClient, "Author");
        var amara = await Community.JoinAsync(api.CreateClient, "Amara Okafor");
        var handle = amara.DisplayName.ToLowerInvariant().Replace(' ', '-');
        var thread = await ThreadsApi.StartAsync(author.Client);

        var post = await ThreadsApi.ReplyAsync(author.Client, thread.Id,
            $"Thanks @{handle}, and hello @nobody-by-this-name. Mail me at someone@{handle}.org.");

        Assert.Contains($"<a href=\"/people/{amara.Id}\" rel=\"nofollow ugc noopener\">@{handle}</a>", post.Html, StringComparison.Ordinal);
        Assert.Contains("@nobody-by-this-name", post.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("/people/\">", post.Html, StringComparison.Ordinal);
        Assert.Single(post.Html!.Split("/people/").Skip(1));
    }

    [Fact]
    public async Task A_mention_written_with_other_capitals_and_an_edit_that_adds_one_link_too()
    {
        var author = await Community.JoinAsync(api.CreateClient, "Author");
        var kwame = await Community.JoinAsync(api.CreateClient, "Kwame Mensah");
        var handle = kwame.DisplayName.Replace(' ', '-').ToUpperInvariant();
        var thread = await ThreadsApi.StartAsync(author.Client, body: $"Opening, with @{handle} in mind.");
        var post = await ThreadsApi.ReplyAsync(author.Client, thread.Id, "No mention yet");

        using var edited = await author.Client.PutAsJsonAsync($"/api/v1/posts/{post.Id}", new { body = $"Now with @{handle}" });

        Assert.Contains($"/people/{kwame.Id}", (await ThreadsApi.ExpectAsync<PostView>(edited, HttpStatusCode.OK)).Html, StringComparison.Ordinal);
        var opening = (await ThreadsApi.PostPageAsync(author.Client, thread.Id)).Items[0];
        Assert.Contains($"/people/{kwame.Id}", opening.Html, StringComparison.Ordinal);
    }
}
