using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityOfPractice.Api.Tests.Threads;

[Collection(ApiCollection.Name)]
public sealed class PostReplyTests(ApiFactory api)
{
    [Fact]
    public async Task A_reply_takes_the_next_number_and_can_quote_an_earlier_post()
    {
        var author = await Community.JoinAsync(api.CreateClient, "Author");
        var replier = await Community.JoinAsync(api.CreateClient, "Replier");
        var thread = await ThreadsApi.StartAsync(author.Client, body: "The opening words of the thread");

        var opening = (await ThreadsApi.PostPageAsync(replier.Client, thread.Id)).Items[0];
        var reply = await ThreadsApi.ReplyAsync(replier.Client, thread.Id, "I *agree*", quotedPostId: opening.Id);

        Assert.Equal(2, reply.Number);
        Assert.Equal(thread.Id, reply.ThreadId);
        Assert.Equal(replier.Id, reply.Author.Id);
        Assert.Equal("<p>I <em>agree</em></p>", reply.Html?.Trim());
        Assert.Equal("I *agree*", reply.Markdown);
        Assert.Equal(new QuoteView(opening.Id, 1, author.DisplayName, "The opening words of the thread"), reply.Quote);
        Assert.True(reply.CanEdit && reply.CanDelete);
        var after = await ThreadsApi.GetAsync(author.Client, thread.Id);
        Assert.Equal((2, 1, 2L), (after.PostCount, after.ReplyCount, after.LastSeq));
        Assert.True(after.LastActivityAt >= reply.CreatedAt);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public async Task An_empty_reply_is_400_on_body(string? body)
    {
        var member = await Community.JoinAsync(api.CreateClient);
        var thread = await ThreadsApi.StartAsync(member.Client);

        using var response = await ThreadsApi.SendReplyAsync(member.Client, thread.Id, body!);

        Assert.Equal(["body"], (await RegisterMemberTests.AssertValidationProblem(response)).Errors.Keys);
    }

    [Fact]
    public async Task A_reply_of_50000_characters_is_accepted_and_one_more_is_400_on_body()
    {
        var member = await Community.JoinAsync(api.CreateClient);
        var thread = await ThreadsApi.StartAsync(member.Client);

        using var longest = await ThreadsApi.SendReplyAsync(member.Client, thread.Id, new string('b', 50_000));
        using var tooLong = await ThreadsApi.SendReplyAsync(member.Client, thread.Id, new string('b', 50_001));

        Assert.Equal(HttpStatusCode.Created, longest.StatusCode);
        Assert.Equal(["body"], (await RegisterMemberTests.AssertValidationProblem(tooLong)).Errors.Keys);
    }

    [Fact]
    public async Task Replying_to_a_locked_thread_is_409_and_to_a_missing_one_404()
    {
        var member = await Community.JoinAsync(api.CreateClient);
        var moderator = await Community.JoinAsync(api.CreateClient, "Moderator", "moderator");
        var thread = await ThreadsApi.StartAsync(member.Client);
        using (var locked = await moderator.Client.PostAsync($"/api/v1/threads/{thread.Id}/lock", null))
        {
            await ThreadsApi.ExpectAsync(locked, HttpStatusCode.NoContent);
        }

        using var toLocked = await ThreadsApi.SendReplyAsync(member.Client, thread.Id, "Let me in");
        using var toMissing = await ThreadsApi.SendReplyAsync(member.Client, Guid.NewGuid(), "Anyone there?");

        Assert.Equal(HttpStatusCode.Conflict, toLocked.StatusCode);
        Assert.Equal("application/problem+json", toLocked.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, toMissing.StatusCode);
        var after = await ThreadsApi.GetAsync(member.Client, thread.Id);
        Assert.Equal((1, 2L), (after.PostCount, after.LastSeq));
    }

    [Fact]
    public async Task Quoting_a_post_of_another_thread_or_no_post_at_all_is_400_on_quotedPostId()
    {
        var member = await Community.JoinAsync(api.CreateClient);
        var here = await ThreadsApi.StartAsync(member.Client);
        var elsewhere = await ThreadsApi.StartAsync(member.Client);
        var otherPost = (await ThreadsApi.PostPageAsync(member.Client, elsewhere.Id)).Items[0];

        using var foreign = await ThreadsApi.SendReplyAsync(member.Client, here.Id, "Quoting across", otherPost.Id);
        using var missing = await ThreadsApi.SendReplyAsync(member.Client, here.Id, "Quoting nothing", Guid.NewGuid());

        Assert.Equal(["quotedPostId"], (await RegisterMemberTests.AssertValidationProblem(foreign)).Errors.Keys);
        Assert.Equal(["quotedPostId"], (await RegisterMemberTests.AssertValidationProblem(missing)).Errors.Keys);
        var after = await ThreadsApi.GetAsync(member.Client, here.Id);
        Assert.Equal((1, 1L), (after.PostCount, after.LastSeq));
    }

    [Fact]
    public async Task Reply_with_same_idempotency_key_is_stored_once_and_answered_alike()
    {
        var member = await Community.JoinAsync(api.CreateClient);
        var thread = await ThreadsApi.StartAsync(member.Client);
        var key = Guid.NewGuid().ToString();

        var first = await SendAsync(member, thread.Id, key);
        var retry = await SendAsync(member, thread.Id, key);

        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(first.Status, retry.Status);
        Assert.True(JsonElement.DeepEquals(first.Body, retry.Body), $"first: {first.Body}\nretry: {retry.Body}");
        var after = await ThreadsApi.GetAsync(member.Client, thread.Id);
        Assert.Equal((2, 2L), (after.PostCount, after.LastSeq));
    }

    [Fact]
    public async Task Ten_concurrent_retries_with_one_key_store_one_post_and_all_answer_alike()
    {
        var member = await Community.JoinAsync(api.CreateClient);
        var thread = await ThreadsApi.StartAsync(member.Client);
        var key = Guid.NewGuid().ToString();

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => SendAsync(member, thread.Id, key)));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.Status));
        Assert.All(answers, a => Assert.True(JsonElement.DeepEquals(answers[0].Body, a.Body), $"{answers[0].Body}\n{a.Body}"));
        var (posts, lastSeq) = await ThreadsApi.AllPostsAsync(member.Client, thread.Id);
        Assert.Equal([1, 2], posts.Select(p => p.Number));
        Assert.Equal(2, lastSeq);
    }

    [Fact]
    public async Task Another_member_using_the_same_key_gets_their_own_post()
    {
        var one = await Community.JoinAsync(api.CreateClient, "One");
        var other = await Community.JoinAsync(api.CreateClient, "Other");
        var thread = await ThreadsApi.StartAsync(one.Client);
        var key = Guid.NewGuid().ToString();

        var mine = await ThreadsApi.ReplyAsync(one.Client, thread.Id, "Mine", idempotencyKey: key);
        var theirs = await ThreadsApi.ReplyAsync(other.Client, thread.Id, "Theirs", idempotencyKey: key);

        Assert.NotEqual(mine.Id, theirs.Id);
        Assert.Equal(other.Id, theirs.Author.Id);
        Assert.Equal(3, (await ThreadsApi.GetAsync(one.Client, thread.Id)).PostCount);
    }

    [Fact]
    public async Task An_idempotency_key_over_100_characters_is_400()
    {
        var member = await Community.JoinAsync(api.CreateClient);
        var thread = await ThreadsApi.StartAsync(member.Client);

        using var response = await ThreadsApi.SendReplyAsync(member.Client, thread.Id, "Hello", idempotencyKey: new string('k', 101));

        Assert.Equal(["idempotencyKey"], (await RegisterMemberTests.AssertValidationProblem(response)).Errors.Keys);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(TestMember member, Guid threadId, string key)
    {
        using var response = await ThreadsApi.SendReplyAsync(member.Client, threadId, "Said once, sent twice", idempotencyKey: key);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    [Fact]
    public async Task An_idempotency_key_answers_only_the_request_it_was_made_for_and_expires()
    {
        var member = await Community.JoinAsync(api.CreateClient);
        var thread = await ThreadsApi.StartAsync(member.Client);
        var other = await ThreadsApi.StartAsync(member.Client);
        var key = Guid.NewGuid().ToString();
        var first = await ThreadsApi.ReplyAsync(member.Client, thread.Id, "Once", idempotencyKey: key);

        // The same key with another body, in another thread, or on another endpoint: a clear 422, nothing stored.
        using var otherBody = await ThreadsApi.SendReplyAsync(member.Client, thread.Id, "Something else", idempotencyKey: key);
        using var otherThread = await ThreadsApi.SendReplyAsync(member.Client, other.Id, "Once", idempotencyKey: key);
        using var start = new HttpRequestMessage(HttpMethod.Post, "/api/v1/threads") { Content = JsonContent.Create(new { title = "A new thread", body = "Once" }) };
        start.Headers.Add(ThreadsApi.IdempotencyHeader, key);
        using var otherEndpoint = await member.Client.SendAsync(start);
        foreach (var refused in (HttpResponseMessage[])[otherBody, otherThread, otherEndpoint])
        {
            var problem = await RegisterMemberTests.AssertValidationProblem(refused, HttpStatusCode.UnprocessableEntity);
            Assert.StartsWith("This Idempotency-Key was already used for a different request.", Assert.Single(problem.Errors["idempotencyKey"]), StringComparison.Ordinal);
        }

        Assert.Equal(2, (await ThreadsApi.PostPageAsync(member.Client, thread.Id)).Items.Count);
        Assert.Single((await ThreadsApi.PostPageAsync(member.Client, other.Id)).Items);

        // The same request again still gets its answer.
        Assert.Equal(first.Id, (await ThreadsApi.ReplyAsync(member.Client, thread.Id, "Once", idempotencyKey: key)).Id);

        // A day later the key is spent, and may name a new request.
        await using (var scope = api.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CommunityOfPractice.Api.Data.AppDbContext>().Database.ExecuteSqlAsync(
                $"UPDATE idempotency_records SET created_at = created_at - interval '25 hours' WHERE key = {key}");
        }

        var later = await ThreadsApi.ReplyAsync(member.Client, thread.Id, "Something else", idempotencyKey: key);
        Assert.NotEqual(first.Id, later.Id);
    }
}
