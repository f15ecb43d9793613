using CommunityOfPractice.Contracts.Community;
using CommunityOfPractice.Domain.Community;
using CommunityOfPractice.Domain.Journey;

namespace CommunityOfPractice.Api.Tests.People;

[Collection(ApiCollection.Name)]
public sealed class ListDirectoryPeopleTests(ApiFactory api)
{
    private static readonly ListingChoice _everything = new(true, true, true, true);

    [Fact]
    public async Task The_directory_of_people_is_for_signed_in_members()
    {
        using var response = await api.CreateClient().GetAsync("/api/v1/directory/people");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_member_is_not_listed_until_they_choose_to_be()
    {
        var token = Token();
        var member = await Community.JoinAsync(api.CreateClient, token);

        var before = await DirectoryApi.PeopleAsync(member.Client, $"q={token}");
        var profile = await DirectoryApi.ListAsync(member, ListingChoice.NotListed with { IsListed = true });
        var after = await DirectoryApi.PeopleAsync(member.Client, $"q={token}");

        Assert.Empty(before.Items);
        Assert.Equal(new ListingChoice(true, false, false, false), profile.Listing);
        Assert.Equal(member.Id, Assert.Single(after.Items).Id);
    }

    [Fact]
    public async Task A_listed_member_shows_only_the_details_they_chose()
    {
        var token = Token();
        var scenario = await Organisations.OrganisationScenario.StartAsync(api);
        var member = await Community.JoinAsync(api.CreateClient, token);
        await DirectoryApi.ListAsync(member, new ListingChoice(true, ShowOrganisation: true, ShowPlaces: false, ShowBio: false),
            scenario.Id, [scenario.Hackney.Id], "A private bio.");

        var shown = Assert.Single((await DirectoryApi.PeopleAsync(member.Client, $"q={token}")).Items);

        Assert.Equal(scenario.Organisation.Slug, shown.Organisation?.Slug);
        Assert.Null(shown.Places);
        Assert.Null(shown.Bio);
    }

    [Fact]
    public async Task Place_finds_members_who_show_their_places_there_or_in_a_neighbourhood_inside_it()
    {
        var token = Token();
        using var admin = await Community.AdminAsync(api.CreateClient);
        var borough = await DirectoryApi.AddPlaceAsync(admin, "Directory Borough", kind: PlaceKind.LocalAuthority);
        var neighbourhood = await DirectoryApi.AddPlaceAsync(admin, "Directory Estate", borough.Id);
        var shows = await Community.JoinAsync(api.CreateClient, token);
        var hides = await Community.JoinAsync(api.CreateClient, token);
        await DirectoryApi.ListAsync(shows, _everything, placeIds: [neighbourhood.Id]);
        await DirectoryApi.ListAsync(hides, _everything with { ShowPlaces = false }, placeIds: [neighbourhood.Id]);

        var inBorough = await DirectoryApi.PeopleAsync(shows.Client, $"q={token}&place={borough.Slug}");
        var everyone = await DirectoryApi.PeopleAsync(shows.Client, $"q={token}");

        Assert.Equal(shows.Id, Assert.Single(inBorough.Items).Id);
        Assert.Equal(neighbourhood.Slug, Assert.Single(inBorough.Items[0].Places!).Slug);
        Assert.Equal(2, everyone.Items.Count);
    }

    [Fact]
    public async Task Stage_kind_and_organisation_follow_the_organisation_the_member_shows_and_only_community_assessments()
    {
        var token = Token();
        var scenario = await Organisations.OrganisationScenario.StartAsync(api, OrganisationKind.CommunityGroup);
        await OrganisationsApi.RecordAsync(scenario.Admin.Client, scenario.Id,
            OrganisationsApi.Assessment(scenario.Southwark.Id, scenario.Admin.Id, FrameworkStage.Connection, new DateOnly(2025, 3, 1)));
        await OrganisationsApi.RecordAsync(scenario.Admin.Client, scenario.Id,
            OrganisationsApi.Assessment(scenario.Southwark.Id, scenario.Admin.Id, FrameworkStage.Mutuality, new DateOnly(2025, 9, 1), AssessmentVisibility.Private));
        var shows = await Community.JoinAsync(api.CreateClient, token);
        var hides = await Community.JoinAsync(api.CreateClient, token);
        await DirectoryApi.ListAsync(shows, _everything, scenario.Id, [scenario.Southwark.Id, scenario.Hackney.Id]);
        await DirectoryApi.ListAsync(hides, _everything with { ShowOrganisation = false }, scenario.Id, [scenario.Southwark.Id, scenario.Hackney.Id]);

        async Task<IEnumerable<Guid>> Found(string filter) =>
            (await DirectoryApi.PeopleAsync(shows.Client, $"q={token}&{filter}")).Items.Select(m => m.Id);

        Assert.Equal([shows.Id], await Found("stage=connection"));
        Assert.Equal([shows.Id], await Found("stage=Connection&place=southwark"));
        Assert.Empty(await Found("stage=Connection&place=hackney"));
        Assert.Empty(await Found("stage=Mutuality"));
        Assert.Equal([shows.Id], await Found("kind=CommunityGroup"));
        Assert.Empty(await Found("kind=Funder"));
        Assert.Equal([shows.Id], await Found($"organisation={scenario.Organisation.Slug}"));
    }

    [Fact]
    public async Task Pages_follow_one_another_by_name()
    {
        var token = Token();
        var first = await Community.JoinAsync(api.CreateClient, $"{token} A");
        var second = await Community.JoinAsync(api.CreateClient, $"{token} B");
        await DirectoryApi.ListAsync(first, _everything);
        await DirectoryApi.ListAsync(second, _everything);

        var page1 = await DirectoryApi.PeopleAsync(first.Client, $"q={token}&limit=1");
        var page2 = await DirectoryApi.PeopleAsync(first.Client, $"q={token}&limit=1&after={page1.Next}");

        Assert.Equal(first.Id, Assert.Single(page1.Items).Id);
        Assert.NotNull(page1.Next);
        Assert.Equal(second.Id, Assert.Single(page2.Items).Id);
        Assert.Null(page2.Next);
    }

    [Theory]
    [InlineData("stage=Nowhere", "stage")]
    [InlineData("stage=3", "stage")]
    [InlineData("kind=Planet", "kind")]
    [InlineData("place=no-such-place", "place")]
    [InlineData("organisation=no-such-organisation", "organisation")]
    [InlineData("after=not-a-cursor", "after")]
    [InlineData("limit=0", "limit")]
    public async Task Unknown_filters_are_400_on_their_field(string query, string field)
    {
        var member = await Community.JoinAsync(api.CreateClient);

        using var response = await member.Client.GetAsync($"/api/v1/directory/people?{query}");

        Assert.Contains(field, (await RegisterMemberTests.AssertValidationProblem(response)).Errors.Keys);
    }

    private static string Token() => $"Dir{Guid.NewGuid():N}"[..14];
}
