using CommunityOfPractice.Contracts.Events.Qa;
using System.Net;
using System.Net.Http.Json;

namespace CommunityOfPractice.Testing;

/// <summary>The live Q&amp;A Api as hosts and attendees use it.</summary>
public static class QaApi
{
    public static string StreamOf(Guid eventId) => $"qa:{eventId}";

    public static string ModerationStreamOf(Guid eventId) => $"qa:{eventId}:moderation";

    public static async Task<QaState> OpenAsync(HttpClient host, Guid eventId, bool requireApproval = false)
    {
        using var response = await host.PostAsJsonAsync($"/api/v1/events/{eventId}/qa/open", new { requireApproval });
        return await ThreadsApi.ExpectAsync<QaState>(response, HttpStatusCode.OK);
    }

    public static async Task<QaState> GetAsync(HttpClient client, Guid eventId, string sort = "Votes")
    {
        using var response = await client.GetAsync($"/api/v1/events/{eventId}/qa?sort={sort}");
        return await ThreadsApi.ExpectAsync<QaState>(response, HttpStatusCode.OK);
    }

    public static Task<HttpResponseMessage> SendAskAsync(HttpClient client, Guid eventId, string text, bool anonymous = false, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/events/{eventId}/qa/questions")
        {
            Content = JsonContent.Create(new { text, anonymous }),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add(ThreadsApi.IdempotencyHeader, idempotencyKey);
        }

        return client.SendAsync(request);
    }

    public static async Task<QuestionView> AskAsync(HttpClient client, Guid eventId, string text, bool anonymous = false)
    {
        using var response = await SendAskAsync(client, eventId, text, anonymous);
        return await ThreadsApi.ExpectAsync<QuestionView>(response, HttpStatusCode.Created);
    }

    public static Task<HttpResponseMessage> SendVoteAsync(HttpClient client, Guid eventId, Guid questionId) =>
        client.PutAsync($"/api/v1/events/{eventId}/qa/questions/{questionId}/vote", null);

    public static async Task<QuestionView> ModerateAsync(HttpClient host, Guid eventId, Guid questionId, string action, object? body = null)
    {
        using var response = await host.PostAsJsonAsync($"/api/v1/events/{eventId}/qa/questions/{questionId}/{action}", body ?? new { });
        return await ThreadsApi.ExpectAsync<QuestionView>(response, HttpStatusCode.OK);
    }

    /// <summary>A live reader of an event's Q&amp;A stream that reloads over HTTP on a reset.</summary>
    public static LiveClient QaReader(this ApiFactory api, TestMember member, Guid eventId, long lastSeq) =>
        new(api.Url ?? throw new InvalidOperationException("Live tests need the Api on Kestrel: ListenOnFreePort()."),
            StreamOf(eventId), lastSeq, () => Task.FromResult<string?>(member.Token.AccessToken),
            async _ => (await GetAsync(member.Client, eventId)).LastSeq);
}
