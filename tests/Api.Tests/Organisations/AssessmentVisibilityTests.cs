using CommunityOfPractice.Contracts.Community;
using CommunityOfPractice.Domain.Community;
using CommunityOfPractice.Domain.Journey;

namespace CommunityOfPractice.Api.Tests.Organisations;

[Collection(ApiCollection.Name)]
public sealed class AssessmentVisibilityTests(ApiFactory api)
{
    [Fact]
    public async Task Private_and_funder_only_assessments_reach_only_the_organisation_and_its_named_funders()
    {
        var scenario = await OrganisationScenario.StartAsync(api);
        var funder = await OrganisationScenario.StartAsync(api, OrganisationKind.Funder);
        var otherFunder = await OrganisationScenario.StartAsync(api, OrganisationKind.Funder);
        var colleague = await Community.JoinAsync(api.CreateClient, "Colleague");
        await OrganisationsApi.JoinAsync(scenario.Admin.Client, colleague, scenario.Id);
        var member = await Community.JoinAsync(api.CreateClient, "Reader", "funder", "moderator");
        using var siteAdmin = await Community.AdminAsync(api.CreateClient);
        var hackney = scenario.Hackney.Id;
        var me = scenario.Admin.Id;

        var community = await OrganisationsApi.RecordAsync(scenario.Admin.Client, scenario.Id,
            OrganisationsApi.Assessment(hackney, me, FrameworkStage.Established, new DateOnly(2024, 1, 1)));
        var forFunder = await OrganisationsApi.RecordAsync(scenario.Admin.Client, scenario.Id,
            OrganisationsApi.Assessment(hackney, me, FrameworkStage.Connection, new DateOnly(2024, 6, 1), AssessmentVisibility.Funders, funderIds: [funder.Id]));
        var secret = await OrganisationsApi.RecordAsync(scenario.Admin.Client, scenario.Id,
            OrganisationsApi.Assessment(hackney, me, FrameworkStage.Mutuality, new DateOnly(2025, 1, 1), AssessmentVisibility.Private));

        async Task<IReadOnlyList<Guid>> SeenBy(HttpClient client) =>
            [.. (await OrganisationsApi.GetAsync(client, scenario.Organisation.Slug)).Journey.SelectMany(j => j.Timeline).Select(s => s.Assessment.Id)];

        Assert.Equal([community.Id], await SeenBy(api.CreateClient()));
        Assert.Equal([community.Id], await SeenBy(member.Client));
        Assert.Equal([community.Id], await SeenBy(siteAdmin));
        Assert.Equal([community.Id], await SeenBy(otherFunder.Admin.Client));
        Assert.Equal([community.Id, forFunder.Id], await SeenBy(funder.Admin.Client));
        Assert.Equal([community.Id, forFunder.Id, secret.Id], await SeenBy(colleague.Client));

        // A hidden stage is never shown as "moved from": the funder sees Established → Connection only.
        var funderView = Assert.Single((await OrganisationsApi.GetAsync(funder.Admin.Client, scenario.Organisation.Slug)).Journey);
        Assert.Equal(FrameworkStage.Connection, funderView.CurrentStage);
        Assert.Equal("moved from Established to Connection", funderView.Timeline[^1].Mark);
        var publicView = Assert.Single((await OrganisationsApi.GetAsync(api.CreateClient(), scenario.Organisation.Slug)).Journey);
        Assert.Equal(FrameworkStage.Established, publicView.CurrentStage);
    }

    [Fact]
    public async Task A_correction_the_reader_may_not_see_hides_the_entry_it_corrects_too()
    {
        var scenario = await OrganisationScenario.StartAsync(api);
        var me = scenario.Admin.Id;
        var shared = await OrganisationsApi.RecordAsync(scenario.Admin.Client, scenario.Id, OrganisationsApi.Assessment(scenario.Hackney.Id, me));
        await OrganisationsApi.RecordAsync(scenario.Admin.Client, scenario.Id,
            OrganisationsApi.Assessment(scenario.Hackney.Id, me, visibility: AssessmentVisibility.Private, correctsId: shared.Id));

        var page = await OrganisationsApi.GetAsync(api.CreateClient(), scenario.Organisation.Slug);

        Assert.Empty(page.Journey);
    }
}
