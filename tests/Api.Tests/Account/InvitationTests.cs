using CommunityOfPractice.Contracts.Community;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace CommunityOfPractice.Api.Tests.Account;

[Collection(JoiningCollection.Name)]
public sealed class InvitationTests(ApprovalJoiningFactory api)
{
    [Fact]
    public async Task A_newcomer_with_a_moderators_invitation_is_a_member_at_once_in_the_preset_organisation()
    {
        var proposer = await JoiningApi.MemberAsync(api.CreateClient, "Olu Orgadmin");
        var organisation = await OrganisationsApi.ProposeAsync(proposer.Client);
        var moderator = await JoiningApi.MemberAsync(api.CreateClient, "Mo Moderator", "moderator");
        var invitation = await JoiningApi.CreateInvitationAsync(moderator.Client, new CreateInvitationRequest(7, 2, organisation.Id));
        Assert.Equal(organisation.Id, invitation.Organisation!.Id);
        Assert.True(invitation.ExpiresAt > DateTimeOffset.UtcNow.AddDays(6));

        var check = await api.CreateClient().GetFromJsonAsync<InvitationCheck>($"/api/v1/account/invitations/{invitation.Token}", Json.Options);
        Assert.Equal(organisation.Name, check!.Organisation!.Name);

        // No join request needed: no places, no why.
        using var registered = await JoiningApi.SendRegisterAsync(api.CreateClient(), JoiningApi.Request(null, why: null, invitation: invitation.Token));
        var body = await ThreadsApi.ExpectAsync<Registered>(registered, HttpStatusCode.Created);
        Assert.True(body.IsApproved);
        var newcomer = await JoiningApi.SignInAgainAsync(
            new TestMember(body.Id, body.Email, Community.Password, body.DisplayName, api.CreateClient(), null!), api.CreateClient);

        await ThreadsApi.ExpectAsync(await newcomer.Client.GetAsync("/api/v1/threads"), HttpStatusCode.OK);
        Assert.Equal(organisation.Id, (await newcomer.Client.GetFromJsonAsync<MyProfile>("/api/v1/me", Json.Options))!.Organisation!.Id);
        var detail = await OrganisationsApi.GetAsync(proposer.Client, organisation.Slug);
        Assert.Contains(detail.Members.Concat(detail.Admins), m => m.Id == newcomer.Id);
        Assert.DoesNotContain(detail.PendingClaims, m => m.Id == newcomer.Id);
        await ThreadsApi.ExpectAsync(await newcomer.Client.GetAsync("/api/v1/join-requests/mine"), HttpStatusCode.NotFound);

        var listed = await moderator.Client.GetFromJsonAsync<InvitationView[]>("/api/v1/invitations", Json.Options);
        Assert.Equal(1, listed!.Single(i => i.Id == invitation.Id).Uses);
    }

    [Fact]
    public async Task Only_the_hash_of_the_token_is_stored()
    {
        using var admin = await Community.AdminAsync(api.CreateClient);
        var invitation = await JoiningApi.CreateInvitationAsync(admin, new CreateInvitationRequest(1, 1, null));

        var stored = await ScalarAsync<string>("SELECT token_hash FROM invitations WHERE id = @id", invitation.Id);

        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(invitation.Token))), stored);
        Assert.DoesNotContain(invitation.Token, stored);
    }

    [Fact]
    public async Task Two_newcomers_racing_for_the_last_use_do_not_both_get_in()
    {
        using var admin = await Community.AdminAsync(api.CreateClient);
        for (var round = 0; round < 3; round++)
        {
            var invitation = await JoiningApi.CreateInvitationAsync(admin, new CreateInvitationRequest(1, 1, null));
            var requests = Enumerable.Range(0, 4).Select(_ => JoiningApi.Request(null, why: null, invitation: invitation.Token)).ToList();

            var responses = await Task.WhenAll(requests.Select(r => JoiningApi.SendRegisterAsync(api.CreateClient(), r)));

            Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
            Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Gone, r.StatusCode));
            Assert.Equal(1, await ScalarAsync<int>("SELECT uses FROM invitations WHERE id = @id", invitation.Id));
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
    }

    [Fact]
    public async Task An_expired_used_up_or_withdrawn_invitation_says_so()
    {
        using var admin = await Community.AdminAsync(api.CreateClient);
        var anonymous = api.CreateClient();
        var expired = await JoiningApi.CreateInvitationAsync(admin, new CreateInvitationRequest(1, 5, null));
        await ExecuteAsync("UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = @id", expired.Id);
        var usedUp = await JoiningApi.CreateInvitationAsync(admin, new CreateInvitationRequest(1, 1, null));
        await JoiningApi.RegisterAsync(api.CreateClient, JoiningApi.Request(null, why: null, invitation: usedUp.Token));
        var withdrawn = await JoiningApi.CreateInvitationAsync(admin, new CreateInvitationRequest(1, 1, null));
        await ThreadsApi.ExpectAsync(await admin.DeleteAsync($"/api/v1/invitations/{withdrawn.Id}"), HttpStatusCode.NoContent);

        using var late = await JoiningApi.SendRegisterAsync(anonymous, JoiningApi.Request(null, why: null, invitation: expired.Token));
        Assert.Contains("expired", (await ThreadsApi.ExpectAsync<ProblemDetails>(late, HttpStatusCode.Gone)).Detail);
        using var full = await JoiningApi.SendRegisterAsync(anonymous, JoiningApi.Request(null, why: null, invitation: usedUp.Token));
        Assert.Contains("used", (await ThreadsApi.ExpectAsync<ProblemDetails>(full, HttpStatusCode.Gone)).Detail);
        using var gone = await JoiningApi.SendRegisterAsync(anonymous, JoiningApi.Request(null, why: null, invitation: withdrawn.Token));
        Assert.True((await ThreadsApi.ExpectAsync<ValidationProblemDetails>(gone, HttpStatusCode.BadRequest)).Errors.ContainsKey("invitation"));

        await ThreadsApi.ExpectAsync(await anonymous.GetAsync($"/api/v1/account/invitations/{expired.Token}"), HttpStatusCode.Gone);
        await ThreadsApi.ExpectAsync(await anonymous.GetAsync($"/api/v1/account/invitations/{usedUp.Token}"), HttpStatusCode.Gone);
        await ThreadsApi.ExpectAsync(await anonymous.GetAsync($"/api/v1/account/invitations/{withdrawn.Token}"), HttpStatusCode.NotFound);
        var listed = await admin.GetFromJsonAsync<InvitationView[]>("/api/v1/invitations", Json.Options);
        Assert.DoesNotContain(listed!, i => i.Id == expired.Id || i.Id == usedUp.Id || i.Id == withdrawn.Id);
    }

    [Fact]
    public async Task An_org_admin_invites_to_their_own_organisation_only()
    {
        var orgAdmin = await JoiningApi.MemberAsync(api.CreateClient, "Olu Orgadmin");
        var own = await OrganisationsApi.ProposeAsync(orgAdmin.Client);
        var other = await OrganisationsApi.ProposeAsync((await JoiningApi.MemberAsync(api.CreateClient, "Other Admin")).Client);

        var invitation = await JoiningApi.CreateInvitationAsync(orgAdmin.Client, new CreateInvitationRequest(30, 10, own.Id));
        await ThreadsApi.ExpectAsync(await JoiningApi.SendCreateInvitationAsync(orgAdmin.Client, new(30, 10, other.Id)), HttpStatusCode.Forbidden);
        await ThreadsApi.ExpectAsync(await JoiningApi.SendCreateInvitationAsync(orgAdmin.Client, new(30, 10, null)), HttpStatusCode.Forbidden);

        var listed = await orgAdmin.Client.GetFromJsonAsync<InvitationView[]>("/api/v1/invitations", Json.Options);
        Assert.Equal([invitation.Id], listed!.Select(i => i.Id));
        await ThreadsApi.ExpectAsync(await orgAdmin.Client.DeleteAsync($"/api/v1/invitations/{invitation.Id}"), HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Invitation_limits_and_unknown_organisations_are_refused_on_their_fields()
    {
        using var admin = await Community.AdminAsync(api.CreateClient);

        using var tooLong = await JoiningApi.SendCreateInvitationAsync(admin, new CreateInvitationRequest(91, 0, null));
        var problem = await ThreadsApi.ExpectAsync<ValidationProblemDetails>(tooLong, HttpStatusCode.BadRequest);
        Assert.Equal(["maxUses", "validForDays"], problem.Errors.Keys.Order());

        using var unknown = await JoiningApi.SendCreateInvitationAsync(admin, new CreateInvitationRequest(90, 500, Guid.NewGuid()));
        Assert.True((await ThreadsApi.ExpectAsync<ValidationProblemDetails>(unknown, HttpStatusCode.BadRequest)).Errors.ContainsKey("organisationId"));
    }

    [Fact]
    public async Task Every_invitation_endpoint_refuses_visitors_applicants_and_members_who_may_not_invite()
    {
        using var admin = await Community.AdminAsync(api.CreateClient);
        var invitation = await JoiningApi.CreateInvitationAsync(admin, new CreateInvitationRequest(1, 1, null));
        var applicant = await JoiningApi.ApplicantAsync(api.CreateClient);
        var member = await JoiningApi.MemberAsync(api.CreateClient);
        var anonymous = api.CreateClient();

        await ThreadsApi.ExpectAsync(await JoiningApi.SendCreateInvitationAsync(anonymous, new(1, 1, null)), HttpStatusCode.Unauthorized);
        await ThreadsApi.ExpectAsync(await anonymous.GetAsync("/api/v1/invitations"), HttpStatusCode.Unauthorized);
        await ThreadsApi.ExpectAsync(await anonymous.DeleteAsync($"/api/v1/invitations/{invitation.Id}"), HttpStatusCode.Unauthorized);
        await ThreadsApi.ExpectAsync(await JoiningApi.SendCreateInvitationAsync(applicant.Client, new(1, 1, null)), HttpStatusCode.Forbidden);
        await ThreadsApi.ExpectAsync(await applicant.Client.GetAsync("/api/v1/invitations"), HttpStatusCode.Forbidden);
        await ThreadsApi.ExpectAsync(await applicant.Client.DeleteAsync($"/api/v1/invitations/{invitation.Id}"), HttpStatusCode.Forbidden);
        await ThreadsApi.ExpectAsync(await JoiningApi.SendCreateInvitationAsync(member.Client, new(1, 1, null)), HttpStatusCode.Forbidden);
        await ThreadsApi.ExpectAsync(await member.Client.DeleteAsync($"/api/v1/invitations/{invitation.Id}"), HttpStatusCode.Forbidden);
        Assert.Empty((await member.Client.GetFromJsonAsync<InvitationView[]>("/api/v1/invitations", Json.Options))!);
        await ThreadsApi.ExpectAsync(await admin.DeleteAsync($"/api/v1/invitations/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
    }

    private async Task<T> ScalarAsync<T>(string sql, Guid id)
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", id);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private async Task ExecuteAsync(string sql, Guid id)
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", id);
        await command.ExecuteNonQueryAsync();
    }
}
