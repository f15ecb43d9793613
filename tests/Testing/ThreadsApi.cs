using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using CommunityOfPractice.Contracts.Threads;
using Microsoft.AspNetCore.SignalR.Client;

namespace CommunityOfPractice.Testing;

/// <summary>The threads Api as a member's client uses it; failures name the status and the body.</summary>
public static class ThreadsApi
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public static string StreamOf(Guid threadId) => $"thread:{threadId}";

    /// <summary>A tag no other test uses, to list just this test's threads.</summary>
    public static string UniqueTag() => $"T{Guid.NewGuid():N}"[..20];

    public static async Task<ThreadDetail> StartAsync(HttpClient client, string? title = null, string body = "Opening post.", object? more = null)
    {
        var request = JsonSerializer.SerializeToNode(more ?? new { }, Json.Options)!.AsObject();
        request["title"] = title ?? $"A thread {Guid.NewGuid().ToString()[..8]}";
        request["body"] = body;
        using var response = await client.PostAsJsonAsync("/api/v1/threads", request);
        return await ExpectAsync<ThreadDetail>(response, HttpStatusCode.Created);
    }

    public static Task<HttpResponseMessage> SendReplyAsync(HttpClient client, Guid threadId, string body, Guid? quotedPostId = null, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/threads/{threadId}/posts")
        {
            Content = JsonContent.Create(new { body, quotedPostId }),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add(IdempotencyHeader, idempotencyKey);
        }

        return client.SendAsync(request);
    }

    public static async Task<PostView> ReplyAsync(HttpClient client, Guid threadId, string body = "A reply.", Guid? quotedPostId = null, string? idempotencyKey = null)
    {
        using var response = await SendReplyAsync(client, threadId, body, quotedPostId, idempotencyKey);
        return await ExpectAsync<PostView>(response, HttpStatusCode.Created);
    }

    public static async Task<ThreadDetail> GetAsync(HttpClient client, Guid threadId)
    {
        using var response = await client.GetAsync($"/api/v1/threads/{threadId}");
        return await ExpectAsync<ThreadDetail>(response, HttpStatusCode.OK);
    }

    public static async Task<PostPage> PostPageAsync(HttpClient client, Guid threadId, int? after = null, int? limit = null)
    {
        var query = string.Join('&', new[] { after is null ? null : $"after={after}", limit is null ? null : $"limit={limit}" }.OfType<string>());
        using var response = await client.GetAsync($"/api/v1/threads/{threadId}/posts?{query}");
        return await ExpectAsync<PostPage>(response, HttpStatusCode.OK);
    }

    /// <summary>Every post, page by page, with the stream number read with the first page.</summary>
    public static async Task<(List<PostView> Posts, long LastSeq)> AllPostsAsync(HttpClient client, Guid threadId)
    {
        var page = await PostPageAsync(client, threadId, limit: 200);
        var posts = page.Items.ToList();
        var lastSeq = page.LastSeq;
        while (page.Next is { } next)
        {
            page = await PostPageAsync(client, threadId, next, 200);
            posts.AddRange(page.Items);
        }

        return (posts, lastSeq);
    }

    /// <summary>Every writer starts at the same moment and posts <paramref name="repliesEach"/> replies one after another.</summary>
    public static async Task ReplyAllAtOnceAsync(IEnumerable<TestMember> writers, Guid threadId, int repliesEach)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writing = writers.Select(async writer =>
        {
            await start.Task;
            for (var i = 1; i <= repliesEach; i++)
            {
                await ReplyAsync(writer.Client, threadId, $"Reply {i} from {writer.DisplayName}");
            }
        }).ToList();
        start.SetResult();
        await Task.WhenAll(writing);
    }

    /// <summary>A live reader of a thread from <paramref name="lastSeq"/> that reloads over HTTP on a reset.</summary>
    public static LiveClient LiveReader(this ApiFactory api, TestMember member, Guid threadId, long lastSeq,
        Func<CancellationToken, Task<long>>? reload = null, LiveProtocol protocol = LiveProtocol.Json) =>
        new(api.Url ?? throw new InvalidOperationException("Live tests need the Api on Kestrel: ListenOnFreePort()."),
            StreamOf(threadId), lastSeq, () => Task.FromResult<string?>(member.Token.AccessToken),
            reload ?? (async _ => (await GetAsync(member.Client, threadId)).LastSeq), protocol);

    /// <summary>A started hub connection of this member, for calling hub methods directly.</summary>
    public static async Task<HubConnection> ConnectAsync(this ApiFactory api, TestMember member, LiveProtocol protocol = LiveProtocol.Json)
    {
        var connection = LiveClient.Connect(api.Url!, () => Task.FromResult<string?>(member.Token.AccessToken), protocol: protocol);
        await connection.StartAsync();
        return connection;
    }

    public static async Task<T> ExpectAsync<T>(HttpResponseMessage response, HttpStatusCode expected)
    {
        await ExpectAsync(response, expected);
        return await response.ReadAsync<T>();
    }

    public static async Task ExpectAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync();
            throw new HttpRequestException(
                $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery} answered {(int)response.StatusCode} " +
                $"{response.StatusCode}, expected {(int)expected} {expected}. Body: {body}");
        }
    }
}
