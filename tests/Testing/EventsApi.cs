using CommunityOfPractice.Contracts.Events;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CommunityOfPractice.Testing;

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

    public static async Task<EventDetail> CreateAsync(HttpClient host, object? overrides = null, bool publish = true)
    {
        using var created = await host.PostAsJsonAsync("/api/v1/events", Draft(overrides));
        var body = await ThreadsApi.ExpectAsync<EventDetail>(created, HttpStatusCode.Created);
        if (!publish)
        {
            return body;
        }

        using var published = await host.PostAsync($"/api/v1/events/{body.Id}/publish", null);
        return await ThreadsApi.ExpectAsync<EventDetail>(published, HttpStatusCode.OK);
    }

    public static async Task<EventDetail> GetAsync(HttpClient client, Guid eventId)
    {
        using var response = await client.GetAsync($"/api/v1/events/{eventId}");
        return await ThreadsApi.ExpectAsync<EventDetail>(response, HttpStatusCode.OK);
    }

    public static Task<HttpResponseMessage> SendRegisterAsync(HttpClient client, Guid eventId, string[]? answers = null, bool listMe = false) =>
        client.PutAsJsonAsync($"/api/v1/events/{eventId}/registration", new { answers, listMe });

    public static async Task<MyRegistration> RegisterAsync(HttpClient client, Guid eventId, string[]? answers = null, bool listMe = false)
    {
        using var response = await SendRegisterAsync(client, eventId, answers, listMe);
        return await ThreadsApi.ExpectAsync<MyRegistration>(response, HttpStatusCode.OK);
    }

    public static async Task<MyRegistration> CancelRegistrationAsync(HttpClient client, Guid eventId)
    {
        using var response = await client.DeleteAsync($"/api/v1/events/{eventId}/registration");
        return await ThreadsApi.ExpectAsync<MyRegistration>(response, HttpStatusCode.OK);
    }
}
