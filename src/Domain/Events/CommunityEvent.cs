using CommunityOfPractice.Domain.Common;
using CommunityOfPractice.Domain.Community;

namespace CommunityOfPractice.Domain.Events;

public enum EventKind
{
    Gathering = 1,
    Webinar = 2,
    Hybrid = 3,
}

public enum EventStatus
{
    Draft = 1,
    Published = 2,
    Cancelled = 3,
}

/// <summary>
/// What a host says about an event; checked as a whole on create and on every edit.
/// <see cref="HostOrganisationId"/> is the organisation hosting it, if any (that the host belongs to it is the Api's check).
/// </summary>
public sealed record EventDetails(
    string Title,
    string DescriptionMarkdown,
    string DescriptionHtml,
    EventKind Kind,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string TimeZone,
    string? Venue,
    string? OnlineUrl,
    FrameworkStage? Stage,
    int? Capacity,
    DateTimeOffset? RegistrationOpensAt,
    DateTimeOffset? RegistrationClosesAt,
    IReadOnlyList<Guid> CoHostIds,
    IReadOnlyList<string> RegistrationQuestions,
    Guid? HostOrganisationId = null);

/// <summary>
/// A gathering or webinar. Its seats are the one invariant that must hold under load:
/// <see cref="RegisteredCount"/> never exceeds <see cref="Capacity"/>. The Api changes an event's
/// registrations only while holding the event's row lock, so the count read here is the truth.
/// Arrival order is a number taken under the same lock, so the waitlist is strictly first come.
/// </summary>
public sealed class CommunityEvent
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 20_000;
    public const int VenueMaxLength = 300;
    public const int OnlineUrlMaxLength = 500;
    public const int TimeZoneMaxLength = 64;
    public const int MaxPlaces = 10;
    public const int MaxCoHosts = 10;
    public const int MaxQuestions = 10;
    public const int QuestionMaxLength = 200;
    public const int ReasonMaxLength = 500;
    public const string DefaultTimeZone = "Europe/London";

    private readonly List<Place> _places = [];

    // For materialisation from storage only.
    private CommunityEvent()
    {
        Title = string.Empty;
        DescriptionMarkdown = string.Empty;
        DescriptionHtml = string.Empty;
        TimeZone = DefaultTimeZone;
    }

    public Guid Id { get; private set; }
    public string Title { get; private set; }
    public string DescriptionMarkdown { get; private set; }
    public string DescriptionHtml { get; private set; }
    public EventKind Kind { get; private set; }
    public DateTimeOffset StartsAt { get; private set; }
    public DateTimeOffset EndsAt { get; private set; }
    public string TimeZone { get; private set; }
    public string? Venue { get; private set; }
    public string? OnlineUrl { get; private set; }
    public FrameworkStage? Stage { get; private set; }
    public List<string> Hashtags { get; private set; } = [];
    public List<string> HashtagKeys { get; private set; } = [];
    public IReadOnlyCollection<Place> Places => _places;
    public int? Capacity { get; private set; }
    public DateTimeOffset? RegistrationOpensAt { get; private set; }
    public DateTimeOffset? RegistrationClosesAt { get; private set; }
    public Guid HostId { get; private set; }

    /// <summary>The organisation hosting the event, shown on its page and on the organisation's; null for a member's own event.</summary>
    public Guid? HostOrganisationId { get; private set; }
    public List<Guid> CoHostIds { get; private set; } = [];
    public List<string> RegistrationQuestions { get; private set; } = [];
    public EventStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    public string? CancellationReason { get; private set; }
    public int RegisteredCount { get; private set; }
    public long ArrivalCounter { get; private set; }
    public Guid? ThreadId { get; private set; }

    // Live Q&A settings live on the event: one Q&A per event.
    public bool QaOpen { get; private set; }
    public bool QaRequiresApproval { get; private set; }
    public Guid? PinnedQuestionId { get; private set; }

    /// <summary>How many times the event was changed or cancelled: the SEQUENCE of its calendar entry, so calendars take the newest.</summary>
    public int Revision { get; private set; }

    public bool HasFreeSeat => Capacity is null || RegisteredCount < Capacity;

    public static string QaStreamName(Guid eventId) => $"qa:{eventId}";

    public static string QaModerationStreamName(Guid eventId) => $"qa:{eventId}:moderation";

    public static CommunityEvent Create(EventDetails details, Guid hostId, IReadOnlyCollection<Place> places, DateTimeOffset now)
    {
        var created = new CommunityEvent
        {
            Id = Guid.CreateVersion7(),
            HostId = hostId,
            Status = EventStatus.Draft,
            CreatedAt = now,
        };
        created.Apply(details, places);
        return created;
    }

    public bool IsHost(Guid memberId) => HostId == memberId || CoHostIds.Contains(memberId);

    public bool HasEnded(DateTimeOffset now) => EndsAt <= now;

    public void Edit(EventDetails details, IReadOnlyCollection<Place> places)
    {
        if (Status == EventStatus.Cancelled)
        {
            throw new DomainException("This event was cancelled; it cannot be changed.");
        }

        if (details.Capacity is { } capacity && capacity < RegisteredCount)
        {
            throw new DomainException(
                $"{RegisteredCount} people are registered; the capacity cannot go below that. Cancel registrations first or keep at least {RegisteredCount} seats.");
        }

        Apply(details, places);
        Revision++;
    }

    public void Publish(DateTimeOffset now)
    {
        switch (Status)
        {
            case EventStatus.Cancelled:
                throw new DomainException("A cancelled event cannot be published.");
            case EventStatus.Draft:
                Status = EventStatus.Published;
                PublishedAt = now;
                break;
        }
    }

    public void AttachThread(Guid threadId) => ThreadId ??= threadId;

    public void Cancel(string reason, DateTimeOffset now)
    {
        if (Status == EventStatus.Cancelled)
        {
            throw new DomainException("This event is already cancelled.");
        }

        Status = EventStatus.Cancelled;
        CancelledAt = now;
        CancellationReason = reason.Trim();
        QaOpen = false;
        Revision++;
    }

    /// <summary>
    /// Signs a member up: a seat while there is one, else the waitlist. <paramref name="existing"/>
    /// is the member's earlier registration, if any (only a cancelled one may sign up again).
    /// </summary>
    public Registration Register(Guid memberId, Registration? existing, IReadOnlyList<string> answers, bool listed, DateTimeOffset now)
    {
        if (Status != EventStatus.Published)
        {
            throw new DomainException(Status == EventStatus.Cancelled
                ? "This event was cancelled; registration is closed."
                : "This event is not published yet.");
        }

        if (HasEnded(now))
        {
            throw new DomainException("This event has ended.");
        }

        if (RegistrationOpensAt is { } opens && now < opens)
        {
            throw new DomainException($"Registration opens at {opens:u}.");
        }

        if (RegistrationClosesAt is { } closes && now >= closes)
        {
            throw new DomainException("Registration has closed.");
        }

        if (existing is { Status: not RegistrationStatus.Cancelled })
        {
            throw new DomainException(existing.Status == RegistrationStatus.Registered
                ? "You are already registered for this event."
                : "You are already on the waitlist for this event.");
        }

        if (answers.Count > RegistrationQuestions.Count)
        {
            throw new DomainException("There are more answers than registration questions.");
        }

        var seat = HasFreeSeat;
        if (seat)
        {
            RegisteredCount++;
        }

        ArrivalCounter++;
        var status = seat ? RegistrationStatus.Registered : RegistrationStatus.Waitlisted;
        if (existing is null)
        {
            return Registration.Create(Id, memberId, status, ArrivalCounter, answers, listed, now);
        }

        existing.Rejoin(status, ArrivalCounter, answers, listed, now);
        return existing;
    }

    /// <summary>
    /// A member withdraws. A freed seat goes to <paramref name="firstWaiting"/> (the earliest on
    /// the waitlist, found by the caller under the same lock), who is told through their registration.
    /// </summary>
    public Registration? CancelRegistration(Registration registration, Registration? firstWaiting, DateTimeOffset now)
    {
        if (registration.Status == RegistrationStatus.Cancelled)
        {
            throw new DomainException("This registration is already cancelled.");
        }

        var heldSeat = registration.Status == RegistrationStatus.Registered;
        registration.Cancel(now);
        if (heldSeat)
        {
            RegisteredCount--;
        }

        return firstWaiting is not null && Status == EventStatus.Published ? Promote(firstWaiting, now) : null;
    }

    /// <summary>Gives a waiting member a seat if one is free (after a cancellation or a larger capacity).</summary>
    public Registration? Promote(Registration waiting, DateTimeOffset now)
    {
        if (waiting.Status != RegistrationStatus.Waitlisted || !HasFreeSeat)
        {
            return null;
        }

        RegisteredCount++;
        waiting.Promote(now);
        return waiting;
    }

    public void OpenQa(bool requireApproval)
    {
        if (Status != EventStatus.Published)
        {
            throw new DomainException("Publish the event before opening its Q&A.");
        }

        QaOpen = true;
        QaRequiresApproval = requireApproval;
    }

    public void CloseQa() => QaOpen = false;

    public void Pin(Guid? questionId) => PinnedQuestionId = questionId;

    private void Apply(EventDetails details, IReadOnlyCollection<Place> places)
    {
        var title = details.Title.Trim();
        if (title.Length is 0 or > TitleMaxLength)
        {
            throw new DomainException($"A title has 1 to {TitleMaxLength} characters.");
        }

        if (details.EndsAt <= details.StartsAt)
        {
            throw new DomainException("An event ends after it starts.");
        }

        if (details.Capacity is < 0)
        {
            throw new DomainException("Capacity cannot be negative.");
        }

        if (details.RegistrationOpensAt is { } opens && details.RegistrationClosesAt is { } closes && closes <= opens)
        {
            throw new DomainException("Registration closes after it opens.");
        }

        if (places.Count > MaxPlaces)
        {
            throw new DomainException($"An event names at most {MaxPlaces} places.");
        }

        Title = title;
        DescriptionMarkdown = details.DescriptionMarkdown;
        DescriptionHtml = details.DescriptionHtml;
        Kind = details.Kind;
        StartsAt = details.StartsAt.ToUniversalTime();
        EndsAt = details.EndsAt.ToUniversalTime();
        TimeZone = details.TimeZone;
        Venue = string.IsNullOrWhiteSpace(details.Venue) ? null : details.Venue.Trim();
        OnlineUrl = string.IsNullOrWhiteSpace(details.OnlineUrl) ? null : details.OnlineUrl.Trim();
        Stage = details.Stage;
        HostOrganisationId = details.HostOrganisationId is { } organisationId && organisationId != Guid.Empty ? organisationId : null;
        Capacity = details.Capacity;
        RegistrationOpensAt = details.RegistrationOpensAt?.ToUniversalTime();
        RegistrationClosesAt = details.RegistrationClosesAt?.ToUniversalTime();
        CoHostIds = [.. details.CoHostIds.Where(id => id != HostId).Distinct()];
        RegistrationQuestions = [.. details.RegistrationQuestions.Select(q => q.Trim())];
        _places.RemoveAll(existing => places.All(p => p.Id != existing.Id));
        _places.AddRange(places.Where(p => _places.All(existing => existing.Id != p.Id)));
        var tags = Discussions.Hashtags.Parse(title, details.DescriptionMarkdown);
        Hashtags = [.. tags];
        HashtagKeys = [.. tags.Select(Discussions.Hashtags.Key)];
    }
}
