using CommunityOfPractice.Contracts.Community;
using CommunityOfPractice.Domain.Community;
using CommunityOfPractice.Domain.Journey;

namespace CommunityOfPractice.Api.Tests.Organisations;

[Collection(ApiCollection.Name)]
public sealed class ListDirectoryOrganisationsTests(ApiFactory api)
{
    [Fact]
    public async Task Anyone_reads_an_organisation_with_its_kind_places_badge_and_only_its_community_stages()
    {
        var scenario = await OrganisationScenario.StartAsync(api);
        await OrganisationsApi.RecordAsync(scenario.Admin.Client, scenario.Id,
            OrganisationsApi.Assessment(scenario.Southwark.Id, scenario.Admin.Id, FrameworkStage.Connection));
        await OrganisationsApi.RecordAsync(scenario.Admin.Client, scenario.Id,
            OrganisationsApi.Assessment(scenario.Hackney.Id, scenario.Admin.Id, FrameworkStage.Mutuality, visibility: AssessmentVisibility.Private));

        var page = await DirectoryApi.OrganisationsAsync(api.CreateClient(), $"q={Uri.EscapeDataString(scenario.Organisation.Name)}");

        var shown = Assert.Single(page.Items);
        Assert.Equal(OrganisationKind.Charity, shown.Kind);
        Assert.False(shown.IsVerified);
        Assert.Equal(["Hackney", "Southwark"], shown.Places.Select(p => p.Name));
        var stage = Assert.Single(shown.Stages);
        Assert.Equal(("Southwark", FrameworkStage.Connection), (stage.Place.Name, stage.Stage));
    }

    [Fact]
    public async Task Place_stage_kind_and_verified_narrow_the_list()
    {
        var scenario = await OrganisationScenario.StartAsync(api);
        await OrganisationsApi.RecordAsync(scenario.Admin.Client, scenario.Id,
            OrganisationsApi.Assessment(scenario.Southwark.Id, scenario.Admin.Id, FrameworkStage.Connection, new DateOnly(2025, 1, 1)));
        var funder = await OrganisationsApi.ProposeAsync(scenario.Admin.Client, OrganisationsApi.Profile(kind: OrganisationKind.Funder));
        await OrganisationsApi.RecordAsync(scenario.Admin.Client, scenario.Id,
            OrganisationsApi.Assessment(scenario.Southwark.Id, scenario.Admin.Id, FrameworkStage.Mutuality, new DateOnly(2025, 8, 1), AssessmentVisibility.Funders, [funder.Id]));
        var name = Uri.EscapeDataString(scenario.Organisation.Name);
        var anyone = api.CreateClient();

        async Task<int> Count(string filter) => (await DirectoryApi.OrganisationsAsync(anyone, $"q={name}&{filter}")).Items.Count;

        Assert.Equal(1, await Count("place=southwark&stage=Connection"));
        Assert.Equal(1, await Count("stage=connection"));
        Assert.Equal(0, await Count("stage=Mutuality"));
        Assert.Equal(0, await Count("place=hackney&stage=Connection"));
        Assert.Equal(1, await Count("place=hackney"));
        Assert.Equal(0, await Count("place=greater-manchester"));
        Assert.Equal(1, await Count("kind=Charity"));
        Assert.Equal(0, await Count("kind=Council"));
        Assert.Equal(1, await Count("verified=false"));
        Assert.Equal(0, await Count("verified=true"));
    }

    [Fact]
    public async Task Pages_follow_one_another_by_name()
    {
        var token = $"Dirorg{Guid.NewGuid():N}"[..16];
        var member = await Community.JoinAsync(api.CreateClient);
        var first = await OrganisationsApi.ProposeAsync(member.Client, OrganisationsApi.Profile($"{token} Alpha"));
        var second = await OrganisationsApi.ProposeAsync(member.Client, OrganisationsApi.Profile($"{token} Beta"));

        var page1 = await DirectoryApi.OrganisationsAsync(member.Client, $"q={token}&limit=1");
        var page2 = await DirectoryApi.OrganisationsAsync(member.Client, $"q={token}&limit=1&after={page1.Next}");

        Assert.Equal(first.Id, Assert.Single(page1.Items).Id);
        Assert.Equal(second.Id, Assert.Single(page2.Items).Id);
        Assert.Null(page2.Next);
    }

    [Theory]
    [InlineData("stage=Nowhere", "stage")]
    [InlineData("kind=Planet", "kind")]
    [InlineData("kind=2", "kind")]
    [InlineData("place=no-such-place", "place")]
    [InlineData("after=%25%25", "after")]
    public async Task Unknown_filters_are_400_on_their_field(string query, string field)
    {
        using var response = await api.CreateClient().GetAsync($"/api/v1/directory/organisations?{query}");

        Assert.Contains(field, (await RegisterMemberTests.AssertValidationProblem(response)).Errors.Keys);
    }
}
