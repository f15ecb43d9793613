using CommunityOfPractice.Contracts.Community;
using CommunityOfPractice.Domain.Community;

namespace CommunityOfPractice.Api.Tests.Organisations;

[Collection(ApiCollection.Name)]
public sealed class VerifyAndEditOrganisationTests(ApiFactory api)
{
    [Fact]
    public async Task An_admin_verifies_a_proposal_and_a_member_may_not()
    {
        var scenario = await OrganisationScenario.StartAsync(api);
        var member = await Community.JoinAsync(api.CreateClient, "Not Admin", "host", "moderator", "funder");
        using var admin = await Community.AdminAsync(api.CreateClient);

        using var refused = await member.Client.PostAsync($"/api/v1/organisations/{scenario.Id}/verify", null);
        using var ownAdmin = await scenario.Admin.Client.PostAsync($"/api/v1/organisations/{scenario.Id}/verify", null);
        using var verified = await admin.PostAsync($"/api/v1/organisations/{scenario.Id}/verify", null);
        using var unknown = await admin.PostAsync($"/api/v1/organisations/{Guid.NewGuid()}/verify", null);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, ownAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, verified.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.True((await OrganisationsApi.GetAsync(api.CreateClient(), scenario.Organisation.Slug)).IsVerified);
    }

    [Fact]
    public async Task An_org_admin_edits_the_profile_and_keeps_the_slug()
    {
        var scenario = await OrganisationScenario.StartAsync(api);
        var edit = OrganisationsApi.Profile(name: $"{scenario.Organisation.Name} Trust", kind: OrganisationKind.Council, placeIds: [scenario.Southwark.Id], description: "Now in _Southwark_.");

        using var response = await scenario.Admin.Client.PutAsJsonAsync($"/api/v1/organisations/{scenario.Id}", edit, Json.Options);

        var edited = await ThreadsApi.ExpectAsync<OrganisationDetail>(response, HttpStatusCode.OK);
        Assert.Equal(edit.Name, edited.Name);
        Assert.Equal(scenario.Organisation.Slug, edited.Slug);
        Assert.Equal(OrganisationKind.Council, edited.Kind);
        Assert.Equal(["Southwark"], edited.Places.Select(p => p.Name));
        Assert.Contains("<em>Southwark</em>", edited.DescriptionHtml);
        Assert.Equal("Now in _Southwark_.", edited.DescriptionMarkdown);
    }

    [Fact]
    public async Task Everyone_but_its_admins_and_site_admins_gets_403_when_editing()
    {
        var scenario = await OrganisationScenario.StartAsync(api);
        var other = await Community.JoinAsync(api.CreateClient, "Other", "host", "moderator", "funder");
        var otherOrg = await OrganisationScenario.StartAsync(api);
        using var siteAdmin = await Community.AdminAsync(api.CreateClient);
        var edit = OrganisationsApi.Profile(name: scenario.Organisation.Name, placeIds: [scenario.Hackney.Id]);

        using var byOther = await other.Client.PutAsJsonAsync($"/api/v1/organisations/{scenario.Id}", edit, Json.Options);
        using var byOtherOrgsAdmin = await otherOrg.Admin.Client.PutAsJsonAsync($"/api/v1/organisations/{scenario.Id}", edit, Json.Options);
        using var byStranger = await api.CreateClient().PutAsJsonAsync($"/api/v1/organisations/{scenario.Id}", edit, Json.Options);
        using var bySiteAdmin = await siteAdmin.PutAsJsonAsync($"/api/v1/organisations/{scenario.Id}", edit, Json.Options);
        using var unknown = await siteAdmin.PutAsJsonAsync($"/api/v1/organisations/{Guid.NewGuid()}", edit, Json.Options);

        Assert.Equal(HttpStatusCode.Forbidden, byOther.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byOtherOrgsAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, byStranger.StatusCode);
        Assert.Equal(HttpStatusCode.OK, bySiteAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
