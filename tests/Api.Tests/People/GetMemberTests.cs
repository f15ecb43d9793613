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
    public async Task A_handle_finds_its_member_with_or_without_the_at_sign_and_an_unknown_one_is_404()
    {
        var reader = await Community.JoinAsync(api.CreateClient, "Reader");
        var amara = await Community.JoinAsync(api.CreateClient, "Amara Okafor");
        var handle = amara.DisplayName.ToLowerInvariant().Replace(' ', '-');

        using var plain = await reader.Client.GetAsync($"/api/v1/people?handle={handle}");
        using var withAt = await reader.Client.GetAsync($"/api/v1/people?handle=%40{handle.ToUpperInvariant()}");
        using var unknown = await reader.Client.GetAsync("/api/v1/people?handle=nobody-by-this-name");
        using var odd = await reader.Client.GetAsync("/api/v1/people?handle=%27%3B--");

        Assert.Equal(amara.Id, (await ThreadsApi.ExpectAsync<System.Text.Json.JsonElement>(plain, HttpStatusCode.OK)).GetProperty("id").GetGuid());
        Assert.Equal(amara.Id, (await ThreadsApi.ExpectAsync<System.Text.Json.JsonElement>(withAt, HttpStatusCode.OK)).GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, odd.StatusCode);
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
