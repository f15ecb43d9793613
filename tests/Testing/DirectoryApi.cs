using System.Net;
using System.Net.Http.Json;
using CommunityOfPractice.Contracts.Community;

namespace CommunityOfPractice.Testing;

/// <summary>The directory and place proposals as a client uses them; failures name the status and the body.</summary>
public static class DirectoryApi
{
    /// <summary>The member's profile with this listing choice (and organisation, places, bio) saved.</summary>
    public static async Task<MyProfile> ListAsync(TestMember member, ListingChoice listing, Guid? organisationId = null, IReadOnlyList<Guid>? placeIds = null, string? bio = null)
    {
        using var response = await member.Client.PutAsJsonAsync("/api/v1/me",
            new UpdateProfileRequest(member.DisplayName, bio, organisationId, placeIds ?? [], listing), Json.Options);
        return await ThreadsApi.ExpectAsync<MyProfile>(response, HttpStatusCode.OK);
    }

    public static async Task<DirectoryMembersPage> PeopleAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync($"/api/v1/directory/people?{query}");
        return await ThreadsApi.ExpectAsync<DirectoryMembersPage>(response, HttpStatusCode.OK);
    }

    public static async Task<DirectoryOrganisationsPage> OrganisationsAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync($"/api/v1/directory/organisations?{query}");
        return await ThreadsApi.ExpectAsync<DirectoryOrganisationsPage>(response, HttpStatusCode.OK);
    }

    /// <summary>An approved place of its own for one test (unique name), inside <paramref name="parentId"/> when given.</summary>
    public static async Task<PlaceView> AddPlaceAsync(HttpClient admin, string name, Guid? parentId = null, Domain.Community.PlaceKind kind = Domain.Community.PlaceKind.Neighbourhood)
    {
        using var response = await admin.PostAsJsonAsync("/api/v1/places", new AddPlaceRequest($"{name} {Guid.NewGuid().ToString()[..8]}", kind, parentId), Json.Options);
        return await ThreadsApi.ExpectAsync<PlaceView>(response, HttpStatusCode.Created);
    }

    public static async Task<PlaceProposal> ProposePlaceAsync(HttpClient member, string name, Guid? parentId = null)
    {
        using var response = await member.PostAsJsonAsync("/api/v1/places/proposals",
            new ProposePlaceRequest($"{name} {Guid.NewGuid().ToString()[..8]}", Domain.Community.PlaceKind.Neighbourhood, parentId), Json.Options);
        return await ThreadsApi.ExpectAsync<PlaceProposal>(response, HttpStatusCode.Created);
    }
}
