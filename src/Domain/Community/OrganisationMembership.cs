using CommunityOfPractice.Domain.Common;

namespace CommunityOfPractice.Domain.Community;

/// <summary>Where a person's claim to belong to an organisation stands.</summary>
public enum MembershipStatus
{
    Pending = 1,
    Approved = 2,
    Declined = 3,
}

/// <summary>
/// A member's tie to an organisation. A member says they belong (pending) and one of the
/// organisation's admins approves or declines it, once; the proposer of an organisation is its
/// first admin. Only approved members may agree an assessment for the organisation, and only
/// its admins edit its profile. One row per member and organisation.
/// </summary>
public sealed class OrganisationMembership
{
    private OrganisationMembership(Guid organisationId, Guid memberId, DateTimeOffset claimedAt)
    {
        OrganisationId = organisationId;
        MemberId = memberId;
        ClaimedAt = claimedAt;
    }

    public Guid OrganisationId { get; private set; }
    public Guid MemberId { get; private set; }
    public MembershipStatus Status { get; private set; }
    public bool IsAdmin { get; private set; }
    public DateTimeOffset ClaimedAt { get; private set; }
    public Guid? DecidedById { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }

    public bool IsApprovedAdmin => IsAdmin && Status == MembershipStatus.Approved;

    /// <summary>A member says they belong to the organisation; an org admin decides.</summary>
    public static OrganisationMembership Claim(Guid organisationId, Guid memberId, DateTimeOffset now) =>
        new(organisationId, memberId, now) { Status = MembershipStatus.Pending };

    /// <summary>The member who proposed the organisation: its first admin, approved by the act of proposing.</summary>
    public static OrganisationMembership FirstAdmin(Guid organisationId, Guid memberId, DateTimeOffset now) =>
        new(organisationId, memberId, now) { Status = MembershipStatus.Approved, IsAdmin = true, DecidedAt = now };

    /// <summary>
    /// Approves or declines a pending claim, once. Whether <paramref name="decidedById"/> may
    /// decide (an approved admin of this organisation, or a site moderator) is the caller's access rule.
    /// </summary>
    public void Decide(bool approve, Guid decidedById, DateTimeOffset now)
    {
        if (Status != MembershipStatus.Pending)
        {
            throw new DomainException($"This claim was already {(Status == MembershipStatus.Approved ? "approved" : "declined")}.");
        }

        if (decidedById == MemberId)
        {
            throw new DomainException("Someone else in the organisation decides a claim to belong to it.");
        }

        Status = approve ? MembershipStatus.Approved : MembershipStatus.Declined;
        DecidedById = decidedById;
        DecidedAt = now;
    }

    /// <summary>Makes an approved member an org admin; making an admin again changes nothing.</summary>
    public void MakeAdmin()
    {
        if (Status != MembershipStatus.Approved)
        {
            throw new DomainException("Only an approved member of the organisation can be one of its admins.");
        }

        IsAdmin = true;
    }
}
