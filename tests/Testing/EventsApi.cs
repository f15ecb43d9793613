using CommunityOfPractice.Contracts.Common;
using CommunityOfPractice.Contracts.Threads;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CommunityOfPractice.Testing;

public sealed record RegistrationBody(
    Guid Id, string Status, long ArrivalNumber, int? WaitlistPosition, string[] Answers, bool IsListed,
    DateTimeOffset RegisteredAt, DateTimeOffset? PromotedAt, string? Notice);

public sealed record EventBody(
    Guid Id, string Title, string DescriptionHtml, string? DescriptionMarkdown, string Kind, string Status,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, string TimeZone, string? Venue, string? OnlineUrl, bool HasOnlineLink,
    PlaceRef[] Places, string? Stage, string[] Hashtags, int? Capacity, int RegisteredCount, int WaitlistCount,
    DateTimeOffset? RegistrationOpensAt, DateTimeOffset? RegistrationClosesAt, bool RegistrationOpen, AuthorRef Host,
    AuthorRef[] CoHosts, string[] RegistrationQuestions, DateTimeOffset? CancelledAt, string? CancellationReason, Guid? ThreadId,
    bool CanManage, bool CanModerate, RegistrationBody? MyRegistration, bool QaOpen, bool QaRequiresApproval, Guid? PinnedQuestionId,
    long QaLastSeq);

public sealed record EventSummaryBody(Guid Id, string Title, string Status, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int RegisteredCount, string? MyStatus);

public sealed record CountBody(string Name, int Count);

public sealed record ListedBody(Guid MemberId, string DisplayName, string? Organisation);

public sealed record AttendanceBody(int Registered, CountBody[] Places, CountBody[] Organisations, ListedBody[] Listed);

public sealed record AttendeeBody(Guid MemberId, string DisplayName, string Email, string Status, long ArrivalNumber, string[] Answers);

/// <summary>The events Api as hosts and members use it.</summary>
public static class EventsApi
{
    /// <summary>A valid event a week ahead, with overrides merged in (null values remove a field).</summary>
    public static JsonObject Draft(object? overrides = null)
    {
        var start = DateTimeOffset.UtcNow.AddDays(7);
        var request = new JsonObject
        {
            ["title"] = $"Power of Place {Guid.NewGuid().ToString()[..8]}",
            ["description"] = "A day for **places** #PowerofPlace",
            ["kind"] = "Webinar",
            ["startsAt"] = start,
            ["endsAt"] = start.AddHours(1.5),
            ["onlineUrl"] = "https://meet.example.org/power-of-place",
        };
        if (overrides is not null)
        {
            foreach (var (key, value) in JsonSerializer.SerializeToNode(overrides, Json.Options)!.AsObject())
            {
                request[key] = value?.DeepClone();
            }
        }

        return request;
    }

    public static async Task<EventBody> CreateAsync(HttpClient host, object? overrides = null, bool publish = true)
    {
        using var created = await host.PostAsJsonAsync("/api/v1/events", Draft(overrides));
        var body = await ThreadsApi.ExpectAsync<EventBody>(created, HttpStatusCode.Created);
        if (!publish)
        {
            return body;
        }

        using var published = await host.PostAsync($"/api/v1/events/{body.Id}/publish", null);
        return await ThreadsApi.ExpectAsync<EventBody>(published, HttpStatusCode.OK);
    }

    public static async Task<EventBody> GetAsync(HttpClient client, Guid eventId)
    {
        using var response = await client.GetAsync($"/api/v1/events/{eventId}");
        return await ThreadsApi.ExpectAsync<EventBody>(response, HttpStatusCode.OK);
    }

    public static Task<HttpResponseMessage> SendRegisterAsync(HttpClient client, Guid eventId, string[]? answers = null, bool listMe = false) =>
        client.PutAsJsonAsync($"/api/v1/events/{eventId}/registration", new { answers, listMe });

    public static async Task<RegistrationBody> RegisterAsync(HttpClient client, Guid eventId, string[]? answers = null, bool listMe = false)
    {
        using var response = await SendRegisterAsync(client, eventId, answers, listMe);
        return await ThreadsApi.ExpectAsync<RegistrationBody>(response, HttpStatusCode.OK);
    }

    public static async Task<RegistrationBody> CancelRegistrationAsync(HttpClient client, Guid eventId)
    {
        using var response = await client.DeleteAsync($"/api/v1/events/{eventId}/registration");
        return await ThreadsApi.ExpectAsync<RegistrationBody>(response, HttpStatusCode.OK);
    }
}
