using CommunityOfPractice.Contracts.Community;
using CommunityOfPractice.Domain.Community;

namespace CommunityOfPractice.Api.Tests.Organisations;

[Collection(ApiCollection.Name)]
public sealed class MembershipTests(ApiFactory api)
{
    [Fact]
    public async Task A_moderator_sees_the_pending_claims_and_declines_one()
    {
        var scenario = await OrganisationScenario.StartAsync(api);
        var claimant = await Community.JoinAsync(api.CreateClient, "Claimant");
        var moderator = await Community.JoinAsync(api.CreateClient, "Moderator", "moderator");
        using var claimed = await claimant.Client.PutAsync($"/api/v1/organisations/{scenario.Id}/members/me", null);
        await ThreadsApi.ExpectAsync(claimed, HttpStatusCode.OK);

        var seen = await OrganisationsApi.GetAsync(moderator.Client, scenario.Organisation.Slug);
        using var declined = await moderator.Client.PostAsJsonAsync(
            $"/api/v1/organisations/{scenario.Id}/members/{claimant.Id}/decision", new DecideMembershipRequest(false));

        Assert.True(seen.MayDecideClaims);
        Assert.False(seen.MayEdit);
        Assert.Equal([claimant.Id], seen.PendingClaims.Select(c => c.Id));
        Assert.Equal(MembershipStatus.Declined, (await ThreadsApi.ExpectAsync<MembershipView>(declined, HttpStatusCode.OK)).Status);
        var claimantsView = await OrganisationsApi.GetAsync(claimant.Client, scenario.Organisation.Slug);
        Assert.False(claimantsView.MayDecideClaims);
        Assert.Equal(MembershipStatus.Declined, claimantsView.MyMembership);
        Assert.DoesNotContain(claimantsView.Members, m => m.Id == claimant.Id);
    }

    [Fact]
    public async Task A_member_claims_to_belong_and_an_org_admin_approves_once()
    {
        var scenario = await OrganisationScenario.StartAsync(api);
        var claimant = await Community.JoinAsync(api.CreateClient, "Claimant");

        using var claimed = await claimant.Client.PutAsync($"/api/v1/organisations/{scenario.Id}/members/me", null);
        using var claimedAgain = await claimant.Client.PutAsync($"/api/v1/organisations/{scenario.Id}/members/me", null);
        var pending = await ThreadsApi.ExpectAsync<MembershipView>(claimed, HttpStatusCode.OK);
        Assert.Equal(MembershipStatus.Pending, pending.Status);
        Assert.Equal(MembershipStatus.Pending, (await ThreadsApi.ExpectAsync<MembershipView>(claimedAgain, HttpStatusCode.OK)).Status);
        Assert.Equal([claimant.Id], (await OrganisationsApi.GetAsync(scenario.Admin.Client, scenario.Organisation.Slug)).PendingClaims.Select(c => c.Id));
        Assert.Empty((await OrganisationsApi.GetAsync(claimant.Client, scenario.Organisation.Slug)).PendingClaims);

        using var approved = await scenario.Admin.Client.PostAsJsonAsync(
            $"/api/v1/organisations/{scenario.Id}/members/{claimant.Id}/decision", new DecideMembershipRequest(true));
        using var again = await scenario.Admin.Client.PostAsJsonAsync(
            $"/api/v1/organisations/{scenario.Id}/members/{claimant.Id}/decision", new DecideMembershipRequest(false));

        Assert.Equal(MembershipStatus.Approved, (await ThreadsApi.ExpectAsync<MembershipView>(approved, HttpStatusCode.OK)).Status);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var page = await OrganisationsApi.GetAsync(api.CreateClient(), scenario.Organisation.Slug);
        Assert.Contains(page.Members, m => m.Id == claimant.Id && m.DisplayName == claimant.DisplayName);
    }

    [Fact]
    public async Task Only_the_organisations_admins_and_the_communitys_moderators_decide()
    {
        var scenario = await OrganisationScenario.StartAsync(api);
        var claimant = await Community.JoinAsync(api.CreateClient, "Claimant");
        var moderator = await Community.JoinAsync(api.CreateClient, "Moderator", "moderator");
        var otherOrg = await OrganisationScenario.StartAsync(api);
        using var claimed = await claimant.Client.PutAsync($"/api/v1/organisations/{scenario.Id}/members/me", null);
        var decision = $"/api/v1/organisations/{scenario.Id}/members/{claimant.Id}/decision";

        using var byClaimant = await claimant.Client.PostAsJsonAsync(decision, new DecideMembershipRequest(true));
        using var byModerator = await moderator.Client.PostAsJsonAsync(decision, new DecideMembershipRequest(true));
        using var byOtherOrgsAdmin = await otherOrg.Admin.Client.PostAsJsonAsync(decision, new DecideMembershipRequest(true));
        using var byStranger = await api.CreateClient().PostAsJsonAsync(decision, new DecideMembershipRequest(true));
        using var noClaim = await scenario.Admin.Client.PostAsJsonAsync(
            $"/api/v1/organisations/{scenario.Id}/members/{moderator.Id}/decision", new DecideMembershipRequest(true));
        using var unknownOrg = await claimant.Client.PutAsync($"/api/v1/organisations/{Guid.NewGuid()}/members/me", null);

        Assert.Equal(HttpStatusCode.Forbidden, byClaimant.StatusCode);
        Assert.Equal(MembershipStatus.Approved, (await ThreadsApi.ExpectAsync<MembershipView>(byModerator, HttpStatusCode.OK)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, byOtherOrgsAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, byStranger.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noClaim.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownOrg.StatusCode);
    }

    [Fact]
    public async Task A_pending_claimant_may_not_record_assessments()
    {
        var scenario = await OrganisationScenario.StartAsync(api);
        var claimant = await Community.JoinAsync(api.CreateClient, "Claimant");
        using var claimed = await claimant.Client.PutAsync($"/api/v1/organisations/{scenario.Id}/members/me", null);

        using var response = await OrganisationsApi.SendAssessmentAsync(claimant.Client, scenario.Id, OrganisationsApi.Assessment(scenario.Hackney.Id, claimant.Id));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
