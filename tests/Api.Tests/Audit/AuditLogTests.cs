using CommunityOfPractice.Api.Infrastructure.Audit;
using CommunityOfPractice.Contracts.Audit;

namespace CommunityOfPractice.Api.Tests.Audit;

[Collection(ApiCollection.Name)]
public sealed class AuditLogTests(ApiFactory api)
{
    [Fact]
    public async Task Hiding_and_showing_a_post_locking_a_thread_and_hiding_a_question_are_each_recorded_with_who_and_whom()
    {
        var author = await Community.JoinAsync(api.CreateClient, "Author");
        var moderator = await Community.JoinAsync(api.CreateClient, "Moderator", "moderator", "host");
        using var admin = await Community.AdminAsync(api.CreateClient);
        var thread = await ThreadsApi.StartAsync(author.Client);
        var post = await ThreadsApi.ReplyAsync(author.Client, thread.Id, "Borderline");
        var gathering = await EventsApi.CreateAsync(moderator.Client);
        await QaApi.OpenAsync(moderator.Client, gathering.Id);
        await EventsApi.RegisterAsync(author.Client, gathering.Id);
        var question = await QaApi.AskAsync(author.Client, gathering.Id, $"Off topic {Guid.NewGuid():N}");

        await ExpectNoContentAsync(moderator.Client.PostAsJsonAsync($"/api/v1/posts/{post.Id}/hide", new { reason = "Personal details" }));
        await ExpectNoContentAsync(moderator.Client.PostAsync($"/api/v1/posts/{post.Id}/unhide", null));
        await ExpectNoContentAsync(moderator.Client.PostAsync($"/api/v1/threads/{thread.Id}/lock", null));
        await ExpectNoContentAsync(moderator.Client.PostAsync($"/api/v1/threads/{thread.Id}/lock", null));
        await QaApi.ModerateAsync(moderator.Client, gathering.Id, question.Id, "hide", new { reason = "Not for this session" });

        var entries = (await MyDataApi.AuditAsync(admin, person: author.Id)).Items;
        Assert.Equal(
            [AuditActions.QuestionHidden, AuditActions.ThreadLocked, AuditActions.PostShown, AuditActions.PostHidden],
            entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(new NamedRef(moderator.Id, moderator.DisplayName), e.Actor));
        Assert.All(entries, e => Assert.Equal(new NamedRef(author.Id, author.DisplayName), e.Subject));
        Assert.Contains("Personal details", entries[3].Details);
        Assert.Contains("Not for this session", entries[0].Details);
    }

    [Fact]
    public async Task Granting_and_revoking_a_role_and_verifying_an_organisation_are_recorded()
    {
        var person = await Community.JoinAsync(api.CreateClient, "Person");
        using var admin = await Community.AdminAsync(api.CreateClient);
        var adminId = (await admin.GetFromJsonAsync<Contracts.Community.MyProfile>("/api/v1/me", Json.Options))!.Id;
        var organisation = await OrganisationsApi.ProposeAsync(person.Client);

        await ExpectNoContentAsync(admin.PutAsync($"/api/v1/admin/people/{person.Id}/roles/moderator", null));
        await ExpectNoContentAsync(admin.PutAsync($"/api/v1/admin/people/{person.Id}/roles/moderator", null));
        await ExpectNoContentAsync(admin.DeleteAsync($"/api/v1/admin/people/{person.Id}/roles/moderator"));
        await ExpectNoContentAsync(admin.PostAsync($"/api/v1/organisations/{organisation.Id}/verify", null));

        var roles = (await MyDataApi.AuditAsync(admin, person: person.Id)).Items;
        Assert.Equal([AuditActions.RoleRevoked, AuditActions.RoleGranted], roles.Select(e => e.Action));
        Assert.All(roles, e => Assert.Equal("moderator", e.Details));
        Assert.All(roles, e => Assert.Equal(adminId, e.Actor?.Id));
        var verified = (await MyDataApi.AuditAsync(admin, action: AuditActions.OrganisationVerified, limit: 100)).Items;
        Assert.Contains(verified, e => e.Details!.Contains(organisation.Id.ToString()) && e.Actor?.Id == adminId);
    }

    [Fact]
    public async Task The_list_is_newest_first_filtered_by_person_and_action_and_paged()
    {
        var person = await Community.JoinAsync(api.CreateClient, "Person");
        using var admin = await Community.AdminAsync(api.CreateClient);
        foreach (var role in new[] { "moderator", "host", "funder" })
        {
            await ExpectNoContentAsync(admin.PutAsync($"/api/v1/admin/people/{person.Id}/roles/{role}", null));
        }

        await ExpectNoContentAsync(admin.DeleteAsync($"/api/v1/admin/people/{person.Id}/roles/host"));

        var all = await MyDataApi.AuditAsync(admin, person: person.Id);
        Assert.Equal(["host", "funder", "host", "moderator"], all.Items.Select(e => e.Details));
        Assert.Null(all.Next);
        Assert.Contains(AuditActions.MemberSuspended, all.Actions);

        var granted = await MyDataApi.AuditAsync(admin, person: person.Id, action: AuditActions.RoleGranted);
        Assert.Equal(["funder", "host", "moderator"], granted.Items.Select(e => e.Details));

        var first = await MyDataApi.AuditAsync(admin, person: person.Id, limit: 3);
        Assert.Equal(3, first.Items.Count);
        Assert.NotNull(first.Next);
        var second = await MyDataApi.AuditAsync(admin, person: person.Id, before: Guid.Parse(first.Next!), limit: 3);
        Assert.Equal(["moderator"], second.Items.Select(e => e.Details));
        Assert.Null(second.Next);

        var nobody = await MyDataApi.AuditAsync(admin, person: Guid.NewGuid());
        Assert.Empty(nobody.Items);
    }

    [Fact]
    public async Task An_unknown_action_or_limit_is_a_field_error()
    {
        using var admin = await Community.AdminAsync(api.CreateClient);

        using var action = await admin.GetAsync("/api/v1/admin/audit?action=post.eaten");
        using var limit = await admin.GetAsync("/api/v1/admin/audit?limit=1000");

        Assert.Equal(["action"], (await RegisterMemberTests.AssertValidationProblem(action)).Errors.Keys);
        Assert.Equal(["limit"], (await RegisterMemberTests.AssertValidationProblem(limit)).Errors.Keys);
    }

    [Theory]
    [InlineData("moderator")]
    [InlineData(null)]
    public async Task Only_admins_read_the_audit_log(string? role)
    {
        var member = await Community.JoinAsync(api.CreateClient, "Curious", role is null ? [] : [role]);

        using var asMember = await member.Client.GetAsync("/api/v1/admin/audit");
        using var asVisitor = await api.CreateClient().GetAsync("/api/v1/admin/audit");

        Assert.Equal(HttpStatusCode.Forbidden, asMember.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, asVisitor.StatusCode);
    }

    private static async Task ExpectNoContentAsync(Task<HttpResponseMessage> sending)
    {
        using var response = await sending;
        await ThreadsApi.ExpectAsync(response, HttpStatusCode.NoContent);
    }
}
