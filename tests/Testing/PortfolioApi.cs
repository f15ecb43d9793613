using System.Net;
using System.Net.Http.Json;
using CommunityOfPractice.Contracts.Community;
using CommunityOfPractice.Contracts.Portfolio;
using CommunityOfPractice.Domain.Community;

namespace CommunityOfPractice.Testing;

/// <summary>Following and the portfolio as a member's client uses them; failures name the status and the body.</summary>
public static class PortfolioApi
{
    public static string FollowPath(FollowTarget kind, Guid id) =>
        $"/api/v1/{(kind == FollowTarget.Place ? "places" : "organisations")}/{id}/follow";

    public static async Task FollowAsync(HttpClient client, FollowTarget kind, Guid id)
    {
        using var response = await client.PutAsync(FollowPath(kind, id), null);
        await ThreadsApi.ExpectAsync(response, HttpStatusCode.NoContent);
    }

    public static async Task UnfollowAsync(HttpClient client, FollowTarget kind, Guid id)
    {
        using var response = await client.DeleteAsync(FollowPath(kind, id));
        await ThreadsApi.ExpectAsync(response, HttpStatusCode.NoContent);
    }

    public static async Task<FollowsView> FollowsAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/api/v1/me/follows");
        return await ThreadsApi.ExpectAsync<FollowsView>(response, HttpStatusCode.OK);
    }

    public static async Task<PortfolioView> GetAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/api/v1/portfolio");
        return await ThreadsApi.ExpectAsync<PortfolioView>(response, HttpStatusCode.OK);
    }

    /// <summary>A new place no other test uses, added by the site admin.</summary>
    public static async Task<PlaceView> AddPlaceAsync(HttpClient admin, string name = "Portfolio Place", PlaceKind kind = PlaceKind.Neighbourhood, Guid? parentId = null)
    {
        using var response = await admin.PostAsJsonAsync("/api/v1/places", new AddPlaceRequest($"{name} {Guid.NewGuid().ToString()[..8]}", kind, parentId), Json.Options);
        return await ThreadsApi.ExpectAsync<PlaceView>(response, HttpStatusCode.Created);
    }
}
