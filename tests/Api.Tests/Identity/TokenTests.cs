namespace CommunityOfPractice.Api.Tests.Identity;

[Collection(ApiCollection.Name)]
public sealed class TokenTests(ApiFactory api)
{
    [Fact]
    public async Task A_wrong_password_gets_invalid_grant_and_no_token()
    {
        var member = await Community.JoinAsync(api.CreateClient);

        using var response = await Tokens.RequestPasswordGrantAsync(api.CreateClient(), member.Email, "Wrong-pass-2026");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
        Assert.False(body.TryGetProperty("access_token", out _));
    }

    [Fact]
    public async Task A_refresh_token_gives_a_new_access_token_that_carries_a_newly_granted_role()
    {
        var member = await Community.JoinAsync(api.CreateClient);
        using var admin = await Community.AdminAsync(api.CreateClient);
        (await admin.PutAsync($"/api/v1/admin/people/{member.Id}/roles/host", null)).EnsureSuccessStatusCode();

        using var refreshed = await Tokens.RequestRefreshAsync(api.CreateClient(), member.Token.RefreshToken!);

        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var token = await refreshed.ReadAsync<TokenResponse>();
        Assert.NotEqual(member.Token.AccessToken, token.AccessToken);
        var client = api.CreateClient();
        client.Authorize(token.AccessToken);
        var people = await client.GetAsync("/api/v1/me");
        var profile = await people.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("host", profile.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task A_forged_bearer_token_is_401()
    {
        var client = api.CreateClient();
        client.Authorize("eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.");

        using var response = await client.GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_token_not_issued_for_the_api_scope_is_refused()
    {
        var member = await Community.JoinAsync(api.CreateClient);
        var client = api.CreateClient();
        using var issued = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = "cop-cli",
            ["username"] = member.Email,
            ["password"] = member.Password,
            ["scope"] = "openid profile",
        }));
        client.Authorize((await issued.ReadAsync<TokenResponse>()).AccessToken);

        using var response = await client.GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_token_in_the_query_string_is_ignored_so_it_never_lands_in_logs()
    {
        var member = await Community.JoinAsync(api.CreateClient);

        using var response = await api.CreateClient().GetAsync($"/api/v1/me?access_token={member.Token.AccessToken}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_discovery_document_advertises_code_with_pkce_and_refresh_tokens()
    {
        var discovery = await api.CreateClient().GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");

        var grants = discovery.GetProperty("grant_types_supported").EnumerateArray().Select(g => g.GetString()).ToList();
        Assert.Contains("authorization_code", grants);
        Assert.Contains("refresh_token", grants);
        Assert.Equal(["S256"], discovery.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public async Task An_authorization_request_from_a_stranger_goes_to_the_sign_in_page()
    {
        var client = api.CreateClient(new() { AllowAutoRedirect = false });
        var url = "/connect/authorize?client_id=cop-web&response_type=code&scope=openid&redirect_uri=" +
                  Uri.EscapeDataString("http://localhost:5080/signin-oidc") +
                  "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256&state=s&nonce=n";

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
    }
}
