using System.Net;
using CommunityOfPractice.Api.Tests.Account;
using CommunityOfPractice.Testing;

namespace CommunityOfPractice.Api.Tests.People;

[Collection(ApiCollection.Name)]
public sealed class GetMemberTests(ApiFactory api)
{
    [Fact]
    public async Task Members_see_each_others_name_handle_and_places_but_never_the_email_address()
    {
        var reader = await Community.JoinAsync(api.CreateClient, "Reader");
        var amara = await Community.JoinAsync(api.CreateClient, "Amara Okafor");

        using var response = await reader.Client.GetAsync($"/api/v1/people/{amara.Id}");

        var json = await ThreadsApi.ExpectAsync<System.Text.Json.JsonElement>(response, HttpStatusCode.OK);
        Assert.Equal(amara.DisplayName, json.GetProperty("displayName").GetString());
        Assert.Equal(amara.DisplayName.ToLowerInvariant().Replace(' ', '-'), json.GetProperty("handle").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Array, json.GetProperty("places").ValueKind);
        Assert.DoesNotContain(amara.Email, json.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.False(json.TryGetProperty("email", out _));
    }

    [Fact]
    public async Task An_unknown_member_is_404_and_strangers_are_401()
    {
        var reader = await Community.JoinAsync(api.CreateClient, "Reader");

        using var missing = await reader.Client.GetAsync($"/api/v1/people/{Guid.NewGuid()}");
        using var anonymous = await api.CreateClient().GetAsync($"/api/v1/people/{reader.Id}");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}
