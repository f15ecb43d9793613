using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using CommunityOfPractice.Contracts.Community;
using CommunityOfPractice.Contracts;
using CommunityOfPractice.Contracts.Threads;

namespace CommunityOfPractice.LiveBench;

/// <summary>A member made through the public Api, with an HTTP client that carries their token.</summary>
public sealed record BenchMember(string Email, string AccessToken, HttpClient Http);

public sealed record ThreadInfo(Guid Id, long LastSeq, int PostCount);

/// <summary>
/// The Api as a member's script sees it: register, password grant with the first-party cop-cli
/// client, then the threads endpoints (see /api/v1 and docs/live-protocol.md).
/// </summary>
public static class ApiClient
{
    public const string Password = "Bench-pass-2026!";
    private const string Scopes = "openid profile email roles offline_access api";

    public static JsonSerializerOptions Json { get; } = ApiJson.Options;

    /// <param name="maxConnections">At most this many sockets to the Api (a browser keeps 6 per host); more requests queue in the client.</param>
    public static HttpClient NewHttpClient(Uri baseUrl, int maxConnections = 256) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = maxConnections,
        PooledConnectionLifetime = TimeSpan.FromMinutes(30),
        AutomaticDecompression = DecompressionMethods.None,
    })
    {
        BaseAddress = baseUrl,
        Timeout = TimeSpan.FromSeconds(120),
    };

    public static async Task<BenchMember> JoinAsync(Uri baseUrl, int index, int maxConnections = 256)
    {
        var http = NewHttpClient(baseUrl, maxConnections);
        var email = $"bench-{index}-{Guid.NewGuid():N}@bench.communityofpractice.org.uk";
        using (var registered = await http.PostAsJsonAsync("/api/v1/account/register",
            new RegisterMemberRequest(email, Password, $"Bench Member {index}"), Json))
        {
            await EnsureAsync(registered, "register");
        }

        http.Dispose();
        return await SignInAsync(baseUrl, email, Password);
    }

    /// <summary>The password grant of the first-party `cop-cli` client: a client carrying the member's token.</summary>
    public static async Task<BenchMember> SignInAsync(Uri baseUrl, string email, string password)
    {
        var http = NewHttpClient(baseUrl);
        using var tokenResponse = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = "cop-cli",
            ["username"] = email,
            ["password"] = password,
            ["scope"] = Scopes,
        }));
        await EnsureAsync(tokenResponse, "token");
        var token = (await tokenResponse.Content.ReadFromJsonAsync<TokenResponse>())!.AccessToken;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new BenchMember(email, token, http);
    }

    public static async Task<ThreadInfo> StartThreadAsync(BenchMember member)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/threads")
        {
            Content = JsonContent.Create(new StartThreadRequest(
                "Benchmark: live fan-out #LiveBench",
                "This thread is written by bench/LiveBench: every reply carries the moment it was sent, "
                    + "so that each reader can tell how long it took to arrive.",
                null, null), options: Json),
        };
        request.Headers.Add(ApiHeaders.IdempotencyKey, Guid.NewGuid().ToString());
        using var response = await member.Http.SendAsync(request);
        await EnsureAsync(response, "start thread");
        var thread = (await response.Content.ReadFromJsonAsync<ThreadDetail>(Json))!;
        return new ThreadInfo(thread.Id, thread.LastSeq, thread.PostCount);
    }

    public static async Task<ThreadInfo> GetThreadAsync(BenchMember member, Guid threadId)
    {
        var thread = (await member.Http.GetFromJsonAsync<ThreadDetail>($"/api/v1/threads/{threadId}", Json))!;
        return new ThreadInfo(thread.Id, thread.LastSeq, thread.PostCount);
    }

    /// <summary>One reply; true when the Api answered 201.</summary>
    public static async Task<bool> PostReplyAsync(BenchMember member, Guid threadId, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/threads/{threadId}/posts")
        {
            Content = JsonContent.Create(new ReplyRequest(body, null), options: Json),
        };
        request.Headers.Add(ApiHeaders.IdempotencyKey, Guid.NewGuid().ToString());
        using var response = await member.Http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
        return response.StatusCode == HttpStatusCode.Created;
    }

    /// <summary>The first page of up to 200 posts: what a thread page of 200 posts needs from the Api.</summary>
    public static async Task<int> GetPostPageAsync(BenchMember member, Guid threadId, int limit)
    {
        using var response = await member.Http.GetAsync($"/api/v1/threads/{threadId}/posts?limit={limit}");
        await EnsureAsync(response, "list posts");
        var page = (await response.Content.ReadFromJsonAsync<PostPage>(Json))!;
        return page.Items.Count;
    }

    public static async Task EnsureAsync(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync();
            throw new InvalidOperationException($"{what}: {(int)response.StatusCode} {response.ReasonPhrase} {body}");
        }
    }

    private sealed record TokenResponse([property: JsonPropertyName("access_token")] string AccessToken);

}
