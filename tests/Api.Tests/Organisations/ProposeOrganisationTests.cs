using CommunityOfPractice.Contracts.Community;
using CommunityOfPractice.Domain.Community;

namespace CommunityOfPractice.Api.Tests.Organisations;

[Collection(ApiCollection.Name)]
public sealed class ProposeOrganisationTests(ApiFactory api)
{
    [Fact]
    public async Task A_member_proposes_an_organisation_that_is_usable_at_once_and_unverified()
    {
        var scenario = await OrganisationScenario.StartAsync(api, OrganisationKind.SocialEnterprise);
        var organisation = scenario.Organisation;

        Assert.False(organisation.IsVerified);
        Assert.Equal(OrganisationKind.SocialEnterprise, organisation.Kind);
        Assert.Equal("https://example.org", organisation.Website);
        Assert.Contains("<strong>here</strong>", organisation.DescriptionHtml);
        Assert.Equal(["Hackney", "Southwark"], organisation.Places.Select(p => p.Name));
        Assert.Equal([scenario.Admin.Id], organisation.Admins.Select(a => a.Id));
        Assert.True(organisation.MayEdit);
        Assert.True(organisation.MayRecordAssessments);

        var listed = await api.CreateClient().GetFromJsonAsync<OrganisationView[]>("/api/v1/organisations", Json.Options);
        Assert.Contains(listed!, o => o.Id == organisation.Id);
    }

    [Fact]
    public async Task Anyone_reads_the_page_but_only_its_admins_may_edit()
    {
        var scenario = await OrganisationScenario.StartAsync(api);

        var read = await OrganisationsApi.GetAsync(api.CreateClient(), scenario.Organisation.Slug);

        Assert.Equal(scenario.Organisation.Name, read.Name);
        Assert.False(read.MayEdit);
        Assert.Null(read.DescriptionMarkdown);
        Assert.Equal([scenario.Admin.DisplayName], read.Admins.Select(a => a.DisplayName));
        Assert.Equal(scenario.Organisation.Slug, (await OrganisationsApi.GetAsync(api.CreateClient(), scenario.Id.ToString())).Slug);
    }

    [Fact]
    public async Task An_unknown_slug_is_not_found()
    {
        using var response = await api.CreateClient().GetAsync($"/api/v1/organisations/no-such-{Guid.NewGuid():N}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_proposal_needs_a_name_a_known_kind_places_that_exist_and_an_http_website()
    {
        var member = await Community.JoinAsync(api.CreateClient);
        async Task<ICollection<string>> FieldsOf(object body)
        {
            using var response = await member.Client.PostAsJsonAsync("/api/v1/organisations/proposals", body, Json.Options);
            return (await RegisterMemberTests.AssertValidationProblem(response)).Errors.Keys;
        }

        Assert.Contains("placeIds", await FieldsOf(OrganisationsApi.Profile(placeIds: [Guid.NewGuid()])));
        Assert.Contains("name", await FieldsOf(OrganisationsApi.Profile(name: " ")));
        Assert.Contains("website", await FieldsOf(OrganisationsApi.Profile() with { Website = "javascript:alert(1)" }));
        Assert.Contains("kind", await FieldsOf(new { name = "Somewhere", kind = "Planet" }));
    }

    [Fact]
    public async Task Proposing_a_name_already_taken_is_a_conflict()
    {
        var scenario = await OrganisationScenario.StartAsync(api);

        using var again = await scenario.Admin.Client.PostAsJsonAsync(
            "/api/v1/organisations/proposals", OrganisationsApi.Profile(name: scenario.Organisation.Name.ToUpperInvariant()), Json.Options);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Strangers_may_not_propose()
    {
        using var response = await api.CreateClient().PostAsJsonAsync("/api/v1/organisations/proposals", OrganisationsApi.Profile(), Json.Options);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
