using CommunityOfPractice.Contracts.Common;
using CommunityOfPractice.Contracts.Threads;
using System.Net;
using System.Net.Http.Json;

namespace CommunityOfPractice.Testing;

public sealed record QuestionBody(
    Guid Id, Guid EventId, string Text, AuthorRef? Author, bool IsAnonymous, string Status, string? ModerationReason,
    bool IsAnswered, string? AnswerHtml, int Votes, bool IsPinned, DateTimeOffset CreatedAt, DateTimeOffset? EditedAt,
    Guid? MergedIntoId, bool VotedByMe, bool IsMine, string? Notice);

public sealed record QaBody(
    Guid EventId, bool Open, bool RequiresApproval, Guid? PinnedQuestionId, long LastSeq, long ModerationLastSeq,
    bool CanAsk, bool CanModerate, QuestionBody[] Questions);

public sealed record VoteBody(Guid QuestionId, int Votes, bool VotedByMe);

/// <summary>The live Q&amp;A Api as hosts and attendees use it.</summary>
public static class QaApi
{
    public static string StreamOf(Guid eventId) => $"qa:{eventId}";

    public static string ModerationStreamOf(Guid eventId) => $"qa:{eventId}:moderation";

    public static async Task<QaBody> OpenAsync(HttpClient host, Guid eventId, bool requireApproval = false)
    {
        using var response = await host.PostAsJsonAsync($"/api/v1/events/{eventId}/qa/open", new { requireApproval });
        return await ThreadsApi.ExpectAsync<QaBody>(response, HttpStatusCode.OK);
    }

    public static async Task<QaBody> GetAsync(HttpClient client, Guid eventId, string sort = "Votes")
    {
        using var response = await client.GetAsync($"/api/v1/events/{eventId}/qa?sort={sort}");
        return await ThreadsApi.ExpectAsync<QaBody>(response, HttpStatusCode.OK);
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

    public static async Task<QuestionBody> AskAsync(HttpClient client, Guid eventId, string text, bool anonymous = false)
    {
        using var response = await SendAskAsync(client, eventId, text, anonymous);
        return await ThreadsApi.ExpectAsync<QuestionBody>(response, HttpStatusCode.Created);
    }

    public static Task<HttpResponseMessage> SendVoteAsync(HttpClient client, Guid eventId, Guid questionId) =>
        client.PutAsync($"/api/v1/events/{eventId}/qa/questions/{questionId}/vote", null);

    public static async Task<QuestionBody> ModerateAsync(HttpClient host, Guid eventId, Guid questionId, string action, object? body = null)
    {
        using var response = await host.PostAsJsonAsync($"/api/v1/events/{eventId}/qa/questions/{questionId}/{action}", body ?? new { });
        return await ThreadsApi.ExpectAsync<QuestionBody>(response, HttpStatusCode.OK);
    }

    /// <summary>A live reader of an event's Q&amp;A stream that reloads over HTTP on a reset.</summary>
    public static LiveClient QaReader(this ApiFactory api, TestMember member, Guid eventId, long lastSeq) =>
        new(api.Url ?? throw new InvalidOperationException("Live tests need the Api on Kestrel: ListenOnFreePort()."),
            StreamOf(eventId), lastSeq, () => Task.FromResult<string?>(member.Token.AccessToken),
            async _ => (await GetAsync(member.Client, eventId)).LastSeq);
}
