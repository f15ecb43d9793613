using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace CommunityOfPractice.Testing;

public sealed record TokenResponse(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("refresh_token")] string? RefreshToken,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);

/// <summary>Gets tokens the way a member's script does: the first-party cop-cli client.</summary>
public static class Tokens
{
    public const string Scopes = "openid profile email roles offline_access api";

    public static Task<HttpResponseMessage> RequestPasswordGrantAsync(HttpClient client, string email, string password) =>
        client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = "cop-cli",
            ["username"] = email,
            ["password"] = password,
            ["scope"] = Scopes,
        }));

    public static Task<HttpResponseMessage> RequestRefreshAsync(HttpClient client, string refreshToken) =>
        client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = "cop-cli",
            ["refresh_token"] = refreshToken,
        }));

    public static async Task<TokenResponse> PasswordGrantAsync(HttpClient client, string email, string password)
    {
        using var response = await RequestPasswordGrantAsync(client, email, password);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Token request for {email} failed: {(int)response.StatusCode} {body}");
        }

        return System.Text.Json.JsonSerializer.Deserialize<TokenResponse>(body)!;
    }

    public static void Authorize(this HttpClient client, string accessToken) =>
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response)
    {
        var value = await response.Content.ReadFromJsonAsync<T>(Json.Options);
        return value ?? throw new InvalidOperationException("The response body was empty.");
    }
}
