using System.Net;
using System.Net.Http.Json;
using CommunityOfPractice.Contracts.Community;
using Xunit;

namespace CommunityOfPractice.Testing;

/// <summary>Joining through the Api when it is by approval: applicants, their requests, moderators' decisions, invitations.</summary>
public static class JoiningApi
{
    public static RegisterMemberRequest Request(
        IReadOnlyList<Guid>? placeIds, string? why = "I work on place-based change.", Guid? organisationId = null,
        string? proposedOrganisationName = null, string? invitation = null, string name = "Ann Applicant") =>
        new($"{Guid.NewGuid():N}@tests.communityofpractice.org.uk", Community.Password, $"{name} {Guid.NewGuid().ToString()[..6]}",
            organisationId, proposedOrganisationName, placeIds, why, invitation);

    public static Task<HttpResponseMessage> SendRegisterAsync(HttpClient anonymous, RegisterMemberRequest request) =>
        anonymous.PostAsJsonAsync("/api/v1/account/register", request, Json.Options);

    /// <summary>Registers (with a join request or an invitation) and signs in.</summary>
    public static async Task<TestMember> RegisterAsync(Func<HttpClient> newClient, RegisterMemberRequest request)
    {
        using var registered = await SendRegisterAsync(newClient(), request);
        var body = await ThreadsApi.ExpectAsync<Registered>(registered, HttpStatusCode.Created);
        var client = newClient();
        var token = await Tokens.PasswordGrantAsync(client, request.Email, request.Password);
        client.Authorize(token.AccessToken);
        return new TestMember(body.Id, request.Email, request.Password, body.DisplayName, client, token);
    }

    /// <summary>An applicant waiting for approval, with a join request for the given places.</summary>
    public static async Task<TestMember> ApplicantAsync(Func<HttpClient> newClient, params string[] placeNames)
    {
        var places = await OrganisationsApi.PlacesAsync(newClient(), placeNames.Length > 0 ? placeNames : ["Southwark"]);
        return await RegisterAsync(newClient, Request([.. places.Select(p => p.Id)]));
    }

    /// <summary>A full member even while joining is by approval: invited by the admin, then given the roles.</summary>
    public static async Task<TestMember> MemberAsync(Func<HttpClient> newClient, string name = "Invited Member", params string[] roles)
    {
        using var admin = await Community.AdminAsync(newClient);
        var invitation = await CreateInvitationAsync(admin, new CreateInvitationRequest(1, 1, null));
        var member = await RegisterAsync(newClient, Request(null, why: null, invitation: invitation.Token, name: name));
        foreach (var role in roles)
        {
            using var granted = await admin.PutAsync($"/api/v1/admin/people/{member.Id}/roles/{role}", null);
            Assert.Equal(HttpStatusCode.NoContent, granted.StatusCode);
        }

        return roles.Length == 0 ? member : await SignInAgainAsync(member, newClient);
    }

    public static async Task<TestMember> SignInAgainAsync(TestMember member, Func<HttpClient> newClient)
    {
        var client = newClient();
        var token = await Tokens.PasswordGrantAsync(client, member.Email, member.Password);
        client.Authorize(token.AccessToken);
        return member with { Client = client, Token = token };
    }

    public static async Task<JoinRequestView> MineAsync(HttpClient applicant)
    {
        using var response = await applicant.GetAsync("/api/v1/join-requests/mine");
        return await ThreadsApi.ExpectAsync<JoinRequestView>(response, HttpStatusCode.OK);
    }

    public static Task<HttpResponseMessage> SendDecisionAsync(HttpClient moderator, Guid requestId, bool approve, string? message) =>
        moderator.PostAsJsonAsync($"/api/v1/join-requests/{requestId}/{(approve ? "approve" : "decline")}", new DecideJoinRequestRequest(message), Json.Options);

    public static Task<HttpResponseMessage> SendCreateInvitationAsync(HttpClient client, CreateInvitationRequest request) =>
        client.PostAsJsonAsync("/api/v1/invitations", request, Json.Options);

    public static async Task<CreatedInvitation> CreateInvitationAsync(HttpClient client, CreateInvitationRequest request)
    {
        using var response = await SendCreateInvitationAsync(client, request);
        return await ThreadsApi.ExpectAsync<CreatedInvitation>(response, HttpStatusCode.Created);
    }
}
