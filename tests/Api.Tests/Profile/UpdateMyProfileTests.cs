using CommunityOfPractice.Contracts.Community;

namespace CommunityOfPractice.Api.Tests.Profile;

[Collection(ApiCollection.Name)]
public sealed class UpdateMyProfileTests(ApiFactory api)
{
    [Fact]
    public async Task A_member_is_not_listed_by_default_and_a_save_without_a_listing_keeps_the_choice()
    {
        var member = await Community.JoinAsync(api.CreateClient);
        var before = await member.Client.GetFromJsonAsync<MyProfile>("/api/v1/me", Json.Options);

        await DirectoryApi.ListAsync(member, new ListingChoice(true, false, true, true));
        using var renamed = await member.Client.PutAsJsonAsync("/api/v1/me", new UpdateProfileRequest(member.DisplayName, "New bio", null, null), Json.Options);

        Assert.Equal(ListingChoice.NotListed, before!.Listing);
        Assert.Equal(new ListingChoice(true, false, true, true), (await ThreadsApi.ExpectAsync<MyProfile>(renamed, HttpStatusCode.OK)).Listing);
    }

    [Fact]
    public async Task A_member_sets_name_bio_organisation_and_places()
    {
        var member = await Community.JoinAsync(api.CreateClient);
        var places = await member.Client.GetFromJsonAsync<PlaceView[]>("/api/v1/places", Json.Options);
        var hackney = places!.Single(p => p.Name == "Hackney");
        var southwark = places!.Single(p => p.Name == "Southwark");
        var organisation = await AddOrganisationAsync($"Hackney Co-op {Guid.NewGuid():N}");

        using var response = await member.Client.PutAsJsonAsync("/api/v1/me", new
        {
            displayName = "Priya Practitioner",
            bio = "Community organiser.",
            organisationId = organisation.Id,
            placeIds = new[] { southwark.Id, hackney.Id, hackney.Id },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var profile = await member.Client.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal("Priya Practitioner", profile.GetProperty("displayName").GetString());
        Assert.Equal(organisation.Name, profile.GetProperty("organisation").GetProperty("name").GetString());
        Assert.Equal(["Hackney", "Southwark"], profile.GetProperty("places").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Unknown_places_and_organisations_are_field_errors_and_the_profile_is_unchanged()
    {
        var member = await Community.JoinAsync(api.CreateClient);

        using var response = await member.Client.PutAsJsonAsync("/api/v1/me", new
        {
            displayName = "Changed Name",
            bio = (string?)null,
            organisationId = Guid.NewGuid(),
            placeIds = new[] { Guid.NewGuid() },
        });

        var problem = await RegisterMemberTests.AssertValidationProblem(response);
        Assert.Equal(["organisationId", "placeIds"], problem.Errors.Keys.Order());
        var profile = await member.Client.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal(member.DisplayName, profile.GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task An_empty_name_and_an_overlong_bio_are_refused()
    {
        var member = await Community.JoinAsync(api.CreateClient);

        using var response = await member.Client.PutAsJsonAsync("/api/v1/me", new { displayName = " ", bio = new string('x', 2001), organisationId = (Guid?)null, placeIds = Array.Empty<Guid>() });

        var problem = await RegisterMemberTests.AssertValidationProblem(response);
        Assert.Equal(["bio", "displayName"], problem.Errors.Keys.Order());
    }

    private async Task<OrganisationView> AddOrganisationAsync(string name)
    {
        using var admin = await Community.AdminAsync(api.CreateClient);
        using var created = await admin.PostAsJsonAsync("/api/v1/organisations", new { name, website = "https://example.org" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return await created.ReadAsync<OrganisationView>();
    }
}
