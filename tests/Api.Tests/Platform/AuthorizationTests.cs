namespace CommunityOfPractice.Api.Tests.Platform;

/// <summary>Every endpoint, as a stranger and as a plain member: the server decides, every time.</summary>
[Collection(ApiCollection.Name)]
public sealed class AuthorizationTests(ApiFactory api)
{
    public static TheoryData<string, string> MemberEndpoints => new()
    {
        { "GET", "/api/v1/me" },
        { "PUT", "/api/v1/me" },
    };

    public static TheoryData<string, string> AdminEndpoints => new()
    {
        { "POST", "/api/v1/places" },
        { "POST", "/api/v1/organisations" },
        { "GET", "/api/v1/admin/people" },
        { "PUT", $"/api/v1/admin/people/{Guid.Empty}/roles/host" },
        { "DELETE", $"/api/v1/admin/people/{Guid.Empty}/roles/host" },
    };

    public static TheoryData<string> PublicEndpoints => new()
    {
        "/api/v1/places",
        "/api/v1/organisations",
        "/api/v1/stages",
        "/health/live",
        "/health/ready",
        "/openapi/v1.json",
        "/.well-known/openid-configuration",
    };

    [Theory]
    [MemberData(nameof(MemberEndpoints))]
    [MemberData(nameof(AdminEndpoints))]
    public async Task Strangers_get_401(string method, string path)
    {
        using var response = await api.CreateClient().SendAsync(Request(method, path));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(AdminEndpoints))]
    public async Task Members_who_are_not_admins_get_403(string method, string path)
    {
        var host = await Community.JoinAsync(api.CreateClient, "Not Admin", "host", "moderator", "funder");

        using var response = await host.Client.SendAsync(Request(method, path));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(AdminEndpoints))]
    public async Task An_admins_token_not_issued_for_the_api_is_refused_at_admin_endpoints(string method, string path)
    {
        var client = api.CreateClient();
        using var issued = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = "cop-cli",
            ["username"] = ApiFactory.AdminEmail,
            ["password"] = ApiFactory.AdminPassword,
            ["scope"] = "openid profile roles",
        }));
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        client.Authorize((await issued.ReadAsync<TokenResponse>()).AccessToken);

        using var response = await client.SendAsync(Request(method, path));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(PublicEndpoints))]
    public async Task Public_endpoints_answer_strangers(string path)
    {
        using var response = await api.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static HttpRequestMessage Request(string method, string path) => new(new HttpMethod(method), path)
    {
        Content = method is "POST" or "PUT" ? JsonContent.Create(new { }) : null,
    };
}
