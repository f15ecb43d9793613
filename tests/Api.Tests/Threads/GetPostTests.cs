namespace CommunityOfPractice.Api.Tests.Threads;

[Collection(ApiCollection.Name)]
public sealed class GetPostTests(ApiFactory api)
{
    [Fact]
    public async Task The_author_gets_their_markdown_to_edit_others_get_the_html_only()
    {
        var author = await Community.JoinAsync(api.CreateClient, "Author");
        var reader = await Community.JoinAsync(api.CreateClient, "Reader");
        var thread = await ThreadsApi.StartAsync(author.Client);
        var post = await ThreadsApi.ReplyAsync(author.Client, thread.Id, "Some **bold** words");

        using var mine = await author.Client.GetAsync($"/api/v1/posts/{post.Id}");
        using var theirs = await reader.Client.GetAsync($"/api/v1/posts/{post.Id}");

        var forAuthor = await ThreadsApi.ExpectAsync<PostView>(mine, HttpStatusCode.OK);
        var forReader = await ThreadsApi.ExpectAsync<PostView>(theirs, HttpStatusCode.OK);
        Assert.Equal(("Some **bold** words", true), (forAuthor.Markdown, forAuthor.CanEdit));
        Assert.Equal(((string?)null, false), (forReader.Markdown, forReader.CanEdit));
        Assert.Contains("<strong>bold</strong>", forReader.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hidden_post_keeps_its_content_from_members_and_a_missing_post_is_404()
    {
        var author = await Community.JoinAsync(api.CreateClient, "Author");
        var reader = await Community.JoinAsync(api.CreateClient, "Reader");
        var moderator = await Community.JoinAsync(api.CreateClient, "Moderator", "moderator");
        var thread = await ThreadsApi.StartAsync(author.Client);
        var post = await ThreadsApi.ReplyAsync(author.Client, thread.Id, "Something unkind");
        await ThreadsApi.ExpectAsync(await moderator.Client.PostAsJsonAsync($"/api/v1/posts/{post.Id}/hide", new { reason = "Unkind" }), HttpStatusCode.NoContent);

        using var asReader = await reader.Client.GetAsync($"/api/v1/posts/{post.Id}");
        using var asModerator = await moderator.Client.GetAsync($"/api/v1/posts/{post.Id}");
        using var missing = await reader.Client.GetAsync($"/api/v1/posts/{Guid.NewGuid()}");
        using var anonymous = await api.CreateClient().GetAsync($"/api/v1/posts/{post.Id}");

        var hidden = await ThreadsApi.ExpectAsync<PostView>(asReader, HttpStatusCode.OK);
        Assert.Equal(((string?)null, true), (hidden.Html, hidden.IsHidden));
        Assert.Contains("unkind", (await ThreadsApi.ExpectAsync<PostView>(asModerator, HttpStatusCode.OK)).Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}
