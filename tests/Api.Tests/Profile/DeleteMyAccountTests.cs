using CommunityOfPractice.Api.Infrastructure.Audit;
using CommunityOfPractice.Contracts.Events;
using CommunityOfPractice.Domain.Community;
using CommunityOfPractice.Domain.Events;
using Npgsql;

namespace CommunityOfPractice.Api.Tests.Profile;

[Collection(ApiCollection.Name)]
public sealed class DeleteMyAccountTests(ApiFactory api)
{
    [Fact]
    public async Task After_deleting_the_account_signing_in_fails_and_its_tokens_are_refused()
    {
        var member = await Community.JoinAsync(api.CreateClient, "Leaving");

        await MyDataApi.DeleteAsync(member);

        using var signIn = await Tokens.RequestPasswordGrantAsync(api.CreateClient(), member.Email, member.Password);
        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);
        using var withOldToken = await member.Client.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, withOldToken.StatusCode);
        using var refreshed = await Tokens.RequestRefreshAsync(api.CreateClient(), member.Token.RefreshToken!);
        Assert.Equal(HttpStatusCode.BadRequest, refreshed.StatusCode);
    }

    [Fact]
    public async Task Posts_and_questions_stay_by_Former_member_and_another_members_data_is_untouched()
    {
        var leaving = await Community.JoinAsync(api.CreateClient, "Leaving");
        var staying = await Community.JoinAsync(api.CreateClient, "Staying");
        var host = await Community.JoinAsync(api.CreateClient, "Host", "host");
        var gathering = await EventsApi.CreateAsync(host.Client);
        await QaApi.OpenAsync(host.Client, gathering.Id);
        var thread = await ThreadsApi.StartAsync(leaving.Client, body: "Words that stay.");
        var reply = await ThreadsApi.ReplyAsync(staying.Client, thread.Id, "A reply that stays, by someone staying.");
        await EventsApi.RegisterAsync(leaving.Client, gathering.Id);
        var question = await QaApi.AskAsync(leaving.Client, gathering.Id, $"A question that stays {Guid.NewGuid():N}");
        await EventsApi.RegisterAsync(staying.Client, gathering.Id);
        var before = await MyDataApi.ExportAsync(staying.Client);

        await MyDataApi.DeleteAsync(leaving);

        var read = await ThreadsApi.GetAsync(staying.Client, thread.Id);
        Assert.Equal(Member.FormerMemberName, read.Author.DisplayName);
        var (posts, _) = await ThreadsApi.AllPostsAsync(staying.Client, thread.Id);
        Assert.Equal([Member.FormerMemberName, staying.DisplayName], posts.Select(p => p.Author.DisplayName));
        Assert.Contains("Words that stay.", posts[0].Html, StringComparison.Ordinal);
        Assert.Equal(reply.Id, posts[1].Id);
        var asked = (await QaApi.GetAsync(host.Client, gathering.Id)).Questions.Single(q => q.Id == question.Id);
        Assert.Equal(question.Text, asked.Text);
        Assert.NotEqual(leaving.DisplayName, asked.Author?.DisplayName);
        using var profile = await staying.Client.GetAsync($"/api/v1/people/{leaving.Id}");
        Assert.Equal(HttpStatusCode.NotFound, profile.StatusCode);

        var after = await MyDataApi.ExportAsync(staying.Client);
        // Records holding lists compare by reference: compare what they say.
        Assert.Equal(JsonSerializer.Serialize(before.Profile), JsonSerializer.Serialize(after.Profile));
        Assert.Equal(before.Posts.Select(p => p.Id), after.Posts.Select(p => p.Id));
        Assert.Equal(JsonSerializer.Serialize(before.Registrations), JsonSerializer.Serialize(after.Registrations));
    }

    [Fact]
    public async Task Asking_for_removal_takes_the_words_of_posts_and_questions_and_keeps_the_thread_readable()
    {
        var leaving = await Community.JoinAsync(api.CreateClient, "Leaving");
        var staying = await Community.JoinAsync(api.CreateClient, "Staying");
        var host = await Community.JoinAsync(api.CreateClient, "Host", "host");
        var gathering = await EventsApi.CreateAsync(host.Client);
        await QaApi.OpenAsync(host.Client, gathering.Id);
        var thread = await ThreadsApi.StartAsync(staying.Client);
        var secret = await ThreadsApi.ReplyAsync(leaving.Client, thread.Id, "First words of a secret.");
        using (var edited = await leaving.Client.PutAsJsonAsync($"/api/v1/posts/{secret.Id}", new { body = "Second words of a secret." }))
        {
            Assert.True(edited.IsSuccessStatusCode);
        }

        var after = await ThreadsApi.ReplyAsync(staying.Client, thread.Id, "A reply after it.");
        await EventsApi.RegisterAsync(leaving.Client, gathering.Id);
        var question = await QaApi.AskAsync(leaving.Client, gathering.Id, $"A secret question {Guid.NewGuid():N}");

        await MyDataApi.DeleteAsync(leaving, removeContent: true);

        var (posts, _) = await ThreadsApi.AllPostsAsync(staying.Client, thread.Id);
        var removed = posts.Single(p => p.Id == secret.Id);
        Assert.True(removed.IsDeleted);
        Assert.Null(removed.Markdown);
        Assert.Equal(Member.FormerMemberName, removed.Author.DisplayName);
        Assert.Equal("A reply after it.", posts.Single(p => p.Id == after.Id).Markdown);
        var asked = (await QaApi.GetAsync(host.Client, gathering.Id)).Questions.Single(q => q.Id == question.Id);
        Assert.Equal(Question.ErasedText, asked.Text);

        // Gone from the database, not merely hidden from readers: the post, its earlier version, the question.
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT (SELECT count(*) FROM posts WHERE markdown LIKE '%words of a secret%') + (SELECT count(*) FROM post_revisions WHERE markdown LIKE '%words of a secret%') + (SELECT count(*) FROM qa_questions WHERE text LIKE 'A secret question%')",
            connection);
        Assert.Equal(0L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task The_account_is_kept_when_the_password_is_wrong()
    {
        var member = await Community.JoinAsync(api.CreateClient, "Staying");

        using var refused = await MyDataApi.SendDeleteAsync(member.Client, "not-my-password");

        var problem = await RegisterMemberTests.AssertValidationProblem(refused);
        Assert.Equal(["password"], problem.Errors.Keys);
        using var stillThere = await member.Client.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.OK, stillThere.StatusCode);
        await Tokens.PasswordGrantAsync(api.CreateClient(), member.Email, member.Password);
    }

    [Fact]
    public async Task A_seat_given_up_by_deleting_the_account_goes_to_the_first_waiting()
    {
        var host = await Community.JoinAsync(api.CreateClient, "Host", "host");
        var leaving = await Community.JoinAsync(api.CreateClient, "Leaving");
        var waiting = await Community.JoinAsync(api.CreateClient, "Waiting");
        var gathering = await EventsApi.CreateAsync(host.Client, new { capacity = 1 });
        await EventsApi.RegisterAsync(leaving.Client, gathering.Id);
        Assert.Equal(RegistrationStatus.Waitlisted, (await EventsApi.RegisterAsync(waiting.Client, gathering.Id)).Status);

        await MyDataApi.DeleteAsync(leaving);

        var seated = await waiting.Client.GetFromJsonAsync<MyRegistration>($"/api/v1/events/{gathering.Id}/registration", Json.Options);
        Assert.Equal(RegistrationStatus.Registered, seated!.Status);
    }

    [Fact]
    public async Task The_deletion_is_in_the_audit_log_under_Former_member()
    {
        var member = await Community.JoinAsync(api.CreateClient, "Leaving");
        using var admin = await Community.AdminAsync(api.CreateClient);

        await MyDataApi.DeleteAsync(member, removeContent: true);

        var entry = Assert.Single((await MyDataApi.AuditAsync(admin, person: member.Id)).Items);
        Assert.Equal(AuditActions.MemberDeleted, entry.Action);
        Assert.Equal(new NamedRef(member.Id, Member.FormerMemberName), entry.Subject);
        Assert.Equal(entry.Subject, entry.Actor);
        Assert.Contains("removed", entry.Details);
    }
}
