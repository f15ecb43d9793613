namespace CommunityOfPractice.Api.Tests.Threads;

[Collection(ApiCollection.Name)]
public sealed class EditAndDeletePostTests(ApiFactory api)
{
    [Fact]
    public async Task Edits_keep_every_earlier_text_as_a_revision_oldest_first()
    {
        var author = await Community.JoinAsync(api.CreateClient, "Author");
        var reader = await Community.JoinAsync(api.CreateClient, "Reader");
        var thread = await ThreadsApi.StartAsync(author.Client);
        var post = await ThreadsApi.ReplyAsync(author.Client, thread.Id, "First *draft*");

        var second = await EditAsync(author, post.Id, "Second draft");
        var third = await EditAsync(author, post.Id, "Third draft");

        Assert.Equal("Third draft", third.Markdown);
        Assert.Contains("Third draft", third.Html, StringComparison.Ordinal);
        Assert.Equal(2, third.RevisionCount);
        Assert.NotNull(third.EditedAt);
        Assert.True(third.EditedAt >= second.EditedAt);
        using var response = await reader.Client.GetAsync($"/api/v1/posts/{post.Id}/revisions");
        var revisions = await ThreadsApi.ExpectAsync<RevisionView[]>(response, HttpStatusCode.OK);
        Assert.Equal([1, 2], revisions.Select(r => r.Number));
        Assert.Equal([post.Html, second.Html], revisions.Select(r => r.Html));
        var listed = (await ThreadsApi.PostPageAsync(reader.Client, thread.Id)).Items.Single(p => p.Id == post.Id);
        Assert.Equal((third.Html, 2, (string?)null), (listed.Html, listed.RevisionCount, listed.Markdown));
        Assert.False(listed.CanEdit);
    }

    [Fact]
    public async Task Only_the_author_edits_a_post_not_other_members_moderators_or_admins()
    {
        var author = await Community.JoinAsync(api.CreateClient, "Author");
        var other = await Community.JoinAsync(api.CreateClient, "Other");
        var moderator = await Community.JoinAsync(api.CreateClient, "Moderator", "moderator", "admin");
        var thread = await ThreadsApi.StartAsync(author.Client);
        var post = await ThreadsApi.ReplyAsync(author.Client, thread.Id, "Mine");

        foreach (var someone in new[] { other, moderator })
        {
            using var response = await someone.Client.PutAsJsonAsync($"/api/v1/posts/{post.Id}", new { body = "Not yours" });
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        using var missing = await author.Client.PutAsJsonAsync($"/api/v1/posts/{Guid.NewGuid()}", new { body = "Nothing here" });
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var listed = (await ThreadsApi.PostPageAsync(author.Client, thread.Id)).Items.Single(p => p.Id == post.Id);
        Assert.Equal(("Mine", 0), (listed.Markdown, listed.RevisionCount));
    }

    [Fact]
    public async Task A_locked_thread_takes_no_edits_and_keeps_what_was_said()
    {
        var author = await Community.JoinAsync(api.CreateClient, "Locked Author");
        var moderator = await Community.JoinAsync(api.CreateClient, "Locking Moderator", "moderator");
        var thread = await ThreadsApi.StartAsync(author.Client);
        var post = await ThreadsApi.ReplyAsync(author.Client, thread.Id, "What I said");
        using (var locked = await moderator.Client.PostAsync($"/api/v1/threads/{thread.Id}/lock", null))
        {
            await ThreadsApi.ExpectAsync(locked, HttpStatusCode.NoContent);
        }

        using var response = await author.Client.PutAsJsonAsync($"/api/v1/posts/{post.Id}", new { body = "What I wish I had said" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("This thread is locked: its posts can no longer be edited.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var listed = (await ThreadsApi.PostPageAsync(author.Client, thread.Id)).Items.Single(p => p.Id == post.Id);
        Assert.Equal(("What I said", 0, false), (listed.Markdown, listed.RevisionCount, listed.CanEdit));
        Assert.True(listed.CanDelete);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task An_edit_to_an_empty_body_is_400_on_body(string body)
    {
        var author = await Community.JoinAsync(api.CreateClient);
        var thread = await ThreadsApi.StartAsync(author.Client);
        var post = await ThreadsApi.ReplyAsync(author.Client, thread.Id, "Something");

        using var response = await author.Client.PutAsJsonAsync($"/api/v1/posts/{post.Id}", new { body });
        using var tooLong = await author.Client.PutAsJsonAsync($"/api/v1/posts/{post.Id}", new { body = new string('b', 50_001) });

        Assert.Equal(["body"], (await RegisterMemberTests.AssertValidationProblem(response)).Errors.Keys);
        Assert.Equal(["body"], (await RegisterMemberTests.AssertValidationProblem(tooLong)).Errors.Keys);
    }

    [Fact]
    public async Task Deleting_is_soft_the_post_stays_as_removed_and_replies_and_quotes_remain()
    {
        var author = await Community.JoinAsync(api.CreateClient, "Author");
        var replier = await Community.JoinAsync(api.CreateClient, "Replier");
        var thread = await ThreadsApi.StartAsync(author.Client);
        var post = await ThreadsApi.ReplyAsync(author.Client, thread.Id, "Regrettable");
        var answer = await ThreadsApi.ReplyAsync(replier.Client, thread.Id, "Quoting it", quotedPostId: post.Id);

        using var deleted = await author.Client.DeleteAsync($"/api/v1/posts/{post.Id}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        var (posts, _) = await ThreadsApi.AllPostsAsync(author.Client, thread.Id);
        Assert.Equal([1, 2, 3], posts.Select(p => p.Number));
        var removed = posts[1];
        Assert.True(removed.IsDeleted);
        Assert.Null(removed.Html);
        Assert.Null(removed.Markdown);
        Assert.False(removed.CanEdit || removed.CanDelete);
        Assert.Equal(author.Id, removed.Author.Id);
        Assert.Equal(answer.Html, posts[2].Html);
        Assert.Equal((post.Id, 2), (posts[2].Quote!.PostId, posts[2].Quote!.Number));
        Assert.Null(posts[2].Quote!.Excerpt);
        Assert.Equal(3, (await ThreadsApi.GetAsync(author.Client, thread.Id)).PostCount);

        using var editAfter = await author.Client.PutAsJsonAsync($"/api/v1/posts/{post.Id}", new { body = "Second chance" });
        Assert.Equal(HttpStatusCode.Conflict, editAfter.StatusCode);
        using var revisions = await author.Client.GetAsync($"/api/v1/posts/{post.Id}/revisions");
        Assert.Equal(HttpStatusCode.NotFound, revisions.StatusCode);
    }

    [Fact]
    public async Task Only_the_author_deletes_a_post_moderators_hide_instead()
    {
        var author = await Community.JoinAsync(api.CreateClient, "Author");
        var other = await Community.JoinAsync(api.CreateClient, "Other");
        var moderator = await Community.JoinAsync(api.CreateClient, "Moderator", "moderator", "admin");
        var thread = await ThreadsApi.StartAsync(author.Client);
        var post = await ThreadsApi.ReplyAsync(author.Client, thread.Id, "Stays");

        foreach (var someone in new[] { other, moderator })
        {
            using var response = await someone.Client.DeleteAsync($"/api/v1/posts/{post.Id}");
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        using var missing = await author.Client.DeleteAsync($"/api/v1/posts/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.False((await ThreadsApi.PostPageAsync(author.Client, thread.Id)).Items.Single(p => p.Id == post.Id).IsDeleted);
    }

    private static async Task<PostView> EditAsync(TestMember author, Guid postId, string body)
    {
        using var response = await author.Client.PutAsJsonAsync($"/api/v1/posts/{postId}", new { body });
        return await ThreadsApi.ExpectAsync<PostView>(response, HttpStatusCode.OK);
    }
}
