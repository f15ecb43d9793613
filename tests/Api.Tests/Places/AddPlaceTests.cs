using CommunityOfPractice.Contracts.Community;
using CommunityOfPractice.Domain.Community;

namespace CommunityOfPractice.Api.Tests.Places;

[Collection(ApiCollection.Name)]
public sealed class AddPlaceTests(ApiFactory api)
{
    [Fact]
    public async Task The_seeded_list_has_london_boroughs_combined_authorities_and_our_places()
    {
        var places = await api.CreateClient().GetFromJsonAsync<PlaceView[]>("/api/v1/places", Json.Options);

        Assert.Equal(33, places!.Count(p => p.Kind == PlaceKind.LondonBorough));
        Assert.Contains(places!, p => p is { Name: "Greater Manchester", Kind: PlaceKind.CombinedAuthority });
        Assert.Contains(places!, p => p.Name == "Hackney");
        Assert.Contains(places!, p => p.Name == "Southwark");
    }

    [Fact]
    public async Task An_admin_adds_a_place_once_and_a_second_time_is_a_conflict()
    {
        using var admin = await Community.AdminAsync(api.CreateClient);
        var name = $"Whitehawk {Guid.NewGuid().ToString()[..8]}";

        using var created = await admin.PostAsJsonAsync("/api/v1/places", new { name, kind = "Neighbourhood" });
        using var again = await admin.PostAsJsonAsync("/api/v1/places", new { name = name.ToUpperInvariant(), kind = "Neighbourhood" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var places = await api.CreateClient().GetFromJsonAsync<PlaceView[]>("/api/v1/places", Json.Options);
        Assert.Single(places!, p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_place_needs_a_name_and_a_known_kind()
    {
        using var admin = await Community.AdminAsync(api.CreateClient);

        using var noName = await admin.PostAsJsonAsync("/api/v1/places", new { name = "", kind = "Neighbourhood" });
        using var badKind = await admin.PostAsJsonAsync("/api/v1/places", new { name = "Somewhere", kind = "Planet" });

        Assert.Contains("name", (await RegisterMemberTests.AssertValidationProblem(noName)).Errors.Keys);
        Assert.Contains("kind", (await RegisterMemberTests.AssertValidationProblem(badKind)).Errors.Keys);
    }
}
