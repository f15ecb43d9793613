namespace CommunityOfPractice.Domain.Events;

public enum RegistrationStatus
{
    Registered = 1,
    Waitlisted = 2,
    Cancelled = 3,
}

/// <summary>
/// One member's place at an event: a seat, a place on the waitlist, or withdrawn. There is no
/// email yet, so what happened to it (promoted, event cancelled) is told through <see cref="Notice"/>.
/// </summary>
public sealed class Registration
{
    public const int AnswerMaxLength = 1000;

    private Registration()
    {
    }

    public Guid Id { get; private set; }
    public Guid EventId { get; private set; }
    public Guid MemberId { get; private set; }
    public RegistrationStatus Status { get; private set; }
    public long ArrivalNumber { get; private set; }
    public List<string> Answers { get; private set; } = [];
    public bool IsListed { get; private set; }
    public DateTimeOffset RegisteredAt { get; private set; }
    public DateTimeOffset? PromotedAt { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    public string? Notice { get; private set; }

    internal static Registration Create(
        Guid eventId, Guid memberId, RegistrationStatus status, long arrival, IReadOnlyList<string> answers, bool listed, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(),
            EventId = eventId,
            MemberId = memberId,
            Status = status,
            ArrivalNumber = arrival,
            Answers = [.. answers.Select(a => a.Trim())],
            IsListed = listed,
            RegisteredAt = now,
        };

    internal void Rejoin(RegistrationStatus status, long arrival, IReadOnlyList<string> answers, bool listed, DateTimeOffset now)
    {
        Status = status;
        ArrivalNumber = arrival;
        Answers = [.. answers.Select(a => a.Trim())];
        IsListed = listed;
        RegisteredAt = now;
        PromotedAt = null;
        CancelledAt = null;
        Notice = null;
    }

    internal void Cancel(DateTimeOffset now)
    {
        Status = RegistrationStatus.Cancelled;
        CancelledAt = now;
        Notice = null;
    }

    internal void Promote(DateTimeOffset now)
    {
        Status = RegistrationStatus.Registered;
        PromotedAt = now;
        Notice = "A seat became free and you moved from the waitlist: you are registered.";
    }

    public void TellEventCancelled(string reason) =>
        Notice = $"The hosts cancelled this event: {reason}";
}
