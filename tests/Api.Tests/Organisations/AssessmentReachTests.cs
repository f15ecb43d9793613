using CommunityOfPractice.Contracts.Community;
using CommunityOfPractice.Contracts.Library;
using CommunityOfPractice.Domain.Community;
using CommunityOfPractice.Domain.Journey;

namespace CommunityOfPractice.Api.Tests.Organisations;

/// <summary>
/// Private and funder-only assessments reach only whom they are for, on every way out: the
/// organisation's page, the place page (which shows the community's view to everyone) and search.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class AssessmentReachTests(ApiFactory api)
{
    [Fact]
    public async Task Each_reader_sees_only_what_is_shared_with_them_on_the_organisation_page_the_place_page_and_in_search()
    {
        var scenario = await OrganisationScenario.StartAsync(api);
        var funder = await OrganisationScenario.StartAsync(api, OrganisationKind.Funder);
        var otherOrg = await OrganisationScenario.StartAsync(api);
        var colleague = await Community.JoinAsync(api.CreateClient, "Colleague");
        await OrganisationsApi.JoinAsync(scenario.Admin.Client, colleague, scenario.Id);
        var funderStaff = await Community.JoinAsync(api.CreateClient, "Funder staff");
        await OrganisationsApi.JoinAsync(funder.Admin.Client, funderStaff, funder.Id);
        var otherOrgStaff = await Community.JoinAsync(api.CreateClient, "Other staff");
        await OrganisationsApi.JoinAsync(otherOrg.Admin.Client, otherOrgStaff, otherOrg.Id);
        var stranger = await Community.JoinAsync(api.CreateClient, "Stranger");
        var secretWord = $"Zq{Guid.NewGuid():N}"[..16];
        var southwark = scenario.Southwark.Id;
        var me = scenario.Admin.Id;

        var shared = await OrganisationsApi.RecordAsync(scenario.Admin.Client, scenario.Id,
            OrganisationsApi.Assessment(southwark, me, FrameworkStage.Established, new DateOnly(2024, 1, 1)));
        var forFunder = await OrganisationsApi.RecordAsync(scenario.Admin.Client, scenario.Id,
            OrganisationsApi.Assessment(southwark, me, FrameworkStage.Connection, new DateOnly(2024, 6, 1), AssessmentVisibility.Funders, [funder.Id]) with { Summary = $"Funders {secretWord}" });
        var secret = await OrganisationsApi.RecordAsync(scenario.Admin.Client, scenario.Id,
            OrganisationsApi.Assessment(southwark, me, FrameworkStage.Mutuality, new DateOnly(2025, 1, 1), AssessmentVisibility.Private) with { Summary = $"Private {secretWord}" });

        var readers = new (string Who, HttpClient Client, Guid[] Sees)[]
        {
            ("a visitor", api.CreateClient(), [shared.Id]),
            ("a member of no organisation", stranger.Client, [shared.Id]),
            ("a member of another organisation", otherOrgStaff.Client, [shared.Id]),
            ("a member of the named funder", funderStaff.Client, [shared.Id, forFunder.Id]),
            ("a member of the organisation", colleague.Client, [shared.Id, forFunder.Id, secret.Id]),
        };

        foreach (var (who, client, sees) in readers)
        {
            var page = await OrganisationsApi.GetAsync(client, scenario.Organisation.Slug);
            Assert.True(sees.SequenceEqual(page.Journey.SelectMany(j => j.Timeline).Select(s => s.Assessment.Id)), $"The organisation page as {who}");

            // The place page is the community's view for everyone: its stage and distribution come from shared entries only.
            using var placeResponse = await client.GetAsync($"/api/v1/places/{scenario.Southwark.Slug}");
            var place = await ThreadsApi.ExpectAsync<PlaceDetail>(placeResponse, HttpStatusCode.OK);
            var listed = place.Organisations.Single(o => o.Id == scenario.Id);
            Assert.True(listed.CurrentStage == FrameworkStage.Established, $"The place page's stage as {who}: {listed.CurrentStage}");
            Assert.DoesNotContain(place.Organisations, o => o.Id == scenario.Id && o.CurrentStage is FrameworkStage.Connection or FrameworkStage.Mutuality);

            using var stageFiltered = await client.GetAsync($"/api/v1/places/{scenario.Southwark.Slug}?stage=Mutuality");
            Assert.DoesNotContain((await ThreadsApi.ExpectAsync<PlaceDetail>(stageFiltered, HttpStatusCode.OK)).Organisations, o => o.Id == scenario.Id);

            using var search = await client.GetAsync($"/api/v1/papers?q={secretWord}");
            Assert.True((await ThreadsApi.ExpectAsync<SearchResults>(search, HttpStatusCode.OK)).Total == 0, $"Search as {who}");
        }
    }
}
