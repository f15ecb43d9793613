using CommunityOfPractice.Domain.Common;

namespace CommunityOfPractice.Domain.Community;

/// <summary>What a member can follow. Stored by name.</summary>
public enum FollowTarget
{
    Place = 1,
    Organisation = 2,
}

/// <summary>
/// A member following a place or an organisation: what a funder's portfolio is made of, and who
/// hears of new activity there. One row per member and target.
/// </summary>
public sealed class Follow
{
    private Follow(Guid memberId, FollowTarget targetKind, Guid targetId, DateTimeOffset followedAt)
    {
        MemberId = memberId;
        TargetKind = targetKind;
        TargetId = targetId;
        FollowedAt = followedAt;
    }

    public Guid MemberId { get; private set; }
    public FollowTarget TargetKind { get; private set; }
    public Guid TargetId { get; private set; }
    public DateTimeOffset FollowedAt { get; private set; }

    public static Follow Start(Guid memberId, FollowTarget targetKind, Guid targetId, DateTimeOffset now) =>
        Enum.IsDefined(targetKind) && targetId != Guid.Empty
            ? new Follow(memberId, targetKind, targetId, now)
            : throw new DomainException("Follow a place or an organisation.");

    public static Follow Place(Guid memberId, Guid placeId, DateTimeOffset now) => Start(memberId, FollowTarget.Place, placeId, now);

    public static Follow Organisation(Guid memberId, Guid organisationId, DateTimeOffset now) =>
        Start(memberId, FollowTarget.Organisation, organisationId, now);
}
