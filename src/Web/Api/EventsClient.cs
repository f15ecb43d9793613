using CommunityOfPractice.Contracts.Events;
using CommunityOfPractice.Contracts.Events.Qa;

namespace CommunityOfPractice.Web.Api;

/// <summary>The events and live Q&amp;A calls of the one Api client.</summary>
public sealed partial class ApiClient
{
    public Task<ApiResult<IReadOnlyList<EventSummary>>> GetEventsAsync(bool past, CancellationToken cancellationToken) =>
        SendAsync<IReadOnlyList<EventSummary>>(HttpMethod.Get, $"api/v1/events?when={(past ? "Past" : "Upcoming")}", null, cancellationToken);

    public Task<ApiResult<EventDetail>> GetEventAsync(Guid eventId, CancellationToken cancellationToken) =>
        SendAsync<EventDetail>(HttpMethod.Get, $"api/v1/events/{eventId}", null, cancellationToken);

    public Task<ApiResult<EventDetail>> CreateEventAsync(EventRequest request, CancellationToken cancellationToken) =>
        SendAsync<EventDetail>(HttpMethod.Post, "api/v1/events", request, cancellationToken);

    public Task<ApiResult<EventDetail>> EditEventAsync(Guid eventId, EventRequest request, CancellationToken cancellationToken) =>
        SendAsync<EventDetail>(HttpMethod.Put, $"api/v1/events/{eventId}", request, cancellationToken);

    public Task<ApiResult<EventDetail>> PublishEventAsync(Guid eventId, CancellationToken cancellationToken) =>
        SendAsync<EventDetail>(HttpMethod.Post, $"api/v1/events/{eventId}/publish", null, cancellationToken);

    public Task<ApiResult<EventDetail>> CancelEventAsync(Guid eventId, string reason, CancellationToken cancellationToken) =>
        SendAsync<EventDetail>(HttpMethod.Post, $"api/v1/events/{eventId}/cancel", new { reason }, cancellationToken);

    public Task<ApiResult<MyRegistration>> RegisterForEventAsync(Guid eventId, IReadOnlyList<string> answers, bool listMe, CancellationToken cancellationToken) =>
        SendAsync<MyRegistration>(HttpMethod.Put, $"api/v1/events/{eventId}/registration", new { answers, listMe }, cancellationToken);

    public Task<ApiResult<MyRegistration>> CancelRegistrationAsync(Guid eventId, CancellationToken cancellationToken) =>
        SendAsync<MyRegistration>(HttpMethod.Delete, $"api/v1/events/{eventId}/registration", null, cancellationToken);

    public Task<ApiResult<Attendance>> GetAttendanceAsync(Guid eventId, CancellationToken cancellationToken) =>
        SendAsync<Attendance>(HttpMethod.Get, $"api/v1/events/{eventId}/attendance", null, cancellationToken);

    public Task<ApiResult<IReadOnlyList<AttendeeRow>>> GetAttendeesAsync(Guid eventId, CancellationToken cancellationToken) =>
        SendAsync<IReadOnlyList<AttendeeRow>>(HttpMethod.Get, $"api/v1/events/{eventId}/attendees", null, cancellationToken);

    public Task<ApiResult<CalendarFeedAddress>> NewCalendarFeedAsync(CancellationToken cancellationToken) =>
        SendAsync<CalendarFeedAddress>(HttpMethod.Post, "api/v1/me/calendar-feed", null, cancellationToken);

    public Task<ApiResult<QaState>> GetQaAsync(Guid eventId, string sort, CancellationToken cancellationToken) =>
        SendAsync<QaState>(HttpMethod.Get, $"api/v1/events/{eventId}/qa?sort={Uri.EscapeDataString(sort)}", null, cancellationToken);

    public Task<ApiResult<QaState>> OpenQaAsync(Guid eventId, bool open, bool requireApproval, CancellationToken cancellationToken) =>
        SendAsync<QaState>(HttpMethod.Post, $"api/v1/events/{eventId}/qa/{(open ? "open" : "close")}", new { requireApproval }, cancellationToken);

    public Task<ApiResult<QuestionView>> AskAsync(Guid eventId, string text, bool anonymous, string idempotencyKey, CancellationToken cancellationToken) =>
        SendAsync<QuestionView>(HttpMethod.Post, $"api/v1/events/{eventId}/qa/questions", new { text, anonymous }, cancellationToken,
            ("Idempotency-Key", idempotencyKey));

    public Task<ApiResult<IReadOnlyList<QuestionView>>> SimilarQuestionsAsync(Guid eventId, string text, CancellationToken cancellationToken) =>
        SendAsync<IReadOnlyList<QuestionView>>(HttpMethod.Get, $"api/v1/events/{eventId}/qa/similar?text={Uri.EscapeDataString(text)}", null, cancellationToken);

    public Task<ApiResult<NoContent>> VoteAsync(Guid eventId, Guid questionId, bool up, CancellationToken cancellationToken) =>
        SendAsync<NoContent>(up ? HttpMethod.Put : HttpMethod.Delete, $"api/v1/events/{eventId}/qa/questions/{questionId}/vote", null, cancellationToken);

    public Task<ApiResult<QuestionView>> ModerateQuestionAsync(Guid eventId, Guid questionId, string action, object body, CancellationToken cancellationToken) =>
        SendAsync<QuestionView>(HttpMethod.Post, $"api/v1/events/{eventId}/qa/questions/{questionId}/{Uri.EscapeDataString(action)}", body, cancellationToken);

    /// <summary>A file the Api makes: <paramref name="path"/> under api/v1/events/{id}/ (calendar.ics, attendees.csv, qa/export.csv, qa/export.md).</summary>
    public async Task<ApiResult<ApiFile>> GetEventFileAsync(Guid eventId, string path, string fileName, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync($"api/v1/events/{eventId}/{path}", cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return ApiResult<ApiFile>.Failure(ApiProblem.FromStatus(response.StatusCode));
            }

            var content = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            return ApiResult<ApiFile>.Success(new ApiFile(content, response.Content.Headers.ContentType?.ToString() ?? "application/octet-stream", fileName));
        }
        catch (HttpRequestException exception)
        {
            logger.LogWarning("The Api did not answer GET {Path}: {Reason}", path, exception.Message);
            return ApiResult<ApiFile>.Failure(ApiProblem.Unavailable);
        }
    }
}
