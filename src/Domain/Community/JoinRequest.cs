using CommunityOfPractice.Domain.Common;

namespace CommunityOfPractice.Domain.Community;

public enum JoinRequestStatus
{
    Pending = 1,
    Approved = 2,
    Declined = 3,
}

/// <summary>
/// An applicant's request to join the community: who they work with (an organisation here, or
/// the name of one that is not yet), where, and a short why. A moderator approves or declines
/// it once, with a message the applicant reads; a decline always says why.
/// </summary>
public sealed class JoinRequest
{
    public const int WhyMaxLength = 1000;
    public const int MessageMaxLength = 1000;
    public const int MaxPlaces = Member.MaxPlaces;

    private JoinRequest()
    {
        Why = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid MemberId { get; private set; }

    /// <summary>The organisation the applicant works with, when it is in the community already.</summary>
    public Guid? OrganisationId { get; private set; }

    /// <summary>The name of an organisation not yet in the community, for the moderator to add or verify.</summary>
    public string? ProposedOrganisationName { get; private set; }

    public List<Guid> PlaceIds { get; private set; } = [];
    public string Why { get; private set; }
    public JoinRequestStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public Guid? DecidedById { get; private set; }
    public string? DecisionMessage { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>
    /// Names an organisation here or proposes one by name (never both; neither for someone who
    /// works independently), at least one place, and why.
    /// </summary>
    public static JoinRequest Submit(
        Guid memberId, Guid? organisationId, string? proposedOrganisationName, IReadOnlyCollection<Guid> placeIds, string why, DateTimeOffset now)
    {
        var proposed = string.IsNullOrWhiteSpace(proposedOrganisationName) ? null : proposedOrganisationName.Trim();
        if (organisationId is not null && proposed is not null)
        {
            throw new DomainException("Choose an organisation from the list or name a new one, not both.");
        }

        if (proposed is { Length: > Organisation.NameMaxLength })
        {
            throw new DomainException($"An organisation name has 1 to {Organisation.NameMaxLength} characters.");
        }

        var places = placeIds.Distinct().ToList();
        if (places.Count is 0 or > MaxPlaces)
        {
            throw new DomainException($"Choose 1 to {MaxPlaces} places where you work.");
        }

        var trimmedWhy = why.Trim();
        if (trimmedWhy.Length is 0 or > WhyMaxLength)
        {
            throw new DomainException($"Say why you are joining in 1 to {WhyMaxLength} characters.");
        }

        return new JoinRequest
        {
            Id = Guid.CreateVersion7(),
            MemberId = memberId,
            OrganisationId = organisationId,
            ProposedOrganisationName = proposed,
            PlaceIds = places,
            Why = trimmedWhy,
            Status = JoinRequestStatus.Pending,
            CreatedAt = now,
        };
    }

    public void Approve(Guid decidedById, string? message, DateTimeOffset now) =>
        Decide(JoinRequestStatus.Approved, decidedById, Message(message, required: false), now);

    public void Decline(Guid decidedById, string message, DateTimeOffset now) =>
        Decide(JoinRequestStatus.Declined, decidedById, Message(message, required: true), now);

    private void Decide(JoinRequestStatus status, Guid decidedById, string? message, DateTimeOffset now)
    {
        if (Status != JoinRequestStatus.Pending)
        {
            throw new DomainException($"This join request was already {(Status == JoinRequestStatus.Approved ? "approved" : "declined")}.");
        }

        Status = status;
        DecidedById = decidedById;
        DecisionMessage = message;
        DecidedAt = now;
    }

    private static string? Message(string? message, bool required)
    {
        var trimmed = string.IsNullOrWhiteSpace(message) ? null : message.Trim();
        if (trimmed is null && required)
        {
            throw new DomainException("Tell the applicant why their request is declined.");
        }

        return trimmed is { Length: > MessageMaxLength }
            ? throw new DomainException($"A message to the applicant has at most {MessageMaxLength} characters.")
            : trimmed;
    }
}
