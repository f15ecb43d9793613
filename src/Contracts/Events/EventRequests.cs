using CommunityOfPractice.Domain.Community;
using CommunityOfPractice.Domain.Events;

namespace CommunityOfPractice.Contracts.Events;

/// <summary>
/// What a host fills in to create or edit an event. Times are instants (with an offset).
/// <see cref="HostOrganisationId"/> names the organisation hosting it: one the person setting it belongs to (left out, none).
/// </summary>
public sealed record EventRequest(
    string Title,
    string? Description,
    EventKind? Kind,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    string? TimeZone,
    string? Venue,
    string? OnlineUrl,
    IReadOnlyList<Guid>? PlaceIds,
    FrameworkStage? Stage,
    int? Capacity,
    DateTimeOffset? RegistrationOpensAt,
    DateTimeOffset? RegistrationClosesAt,
    IReadOnlyList<Guid>? CoHostIds,
    IReadOnlyList<string>? RegistrationQuestions,
    Guid? HostOrganisationId = null);

public sealed record CancelEventRequest(string Reason);

/// <summary>Answers to the event's questions, in order, and whether to be named on the attendance list.</summary>
public sealed record RegisterForEventRequest(IReadOnlyList<string>? Answers, bool? ListMe);

/// <summary>A secret address of my calendar feed; the token in it is the credential.</summary>
public sealed record CalendarFeedAddress(string Url, string Token);

public enum EventWhen
{
    Upcoming,
    Past,
}
