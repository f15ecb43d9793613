using CommunityOfPractice.Domain.Common;

namespace CommunityOfPractice.Domain.Community;

/// <summary>
/// A person's public profile in the community. It shares its id with the person's sign-in
/// account, which lives with identity in the Api; the profile is what others see. Members-only
/// content is for approved members: an applicant (<see cref="Apply"/>) reads public content only
/// until a moderator approves them. Being listed in the directory is the member's own choice.
/// </summary>
public sealed class Member
{
    public const int DisplayNameMaxLength = 80;
    public const int BioMaxLength = 2000;
    public const int MaxPlaces = 10;

    /// <summary>What everyone sees in place of the name of someone who deleted their account.</summary>
    public const string FormerMemberName = "Former member";

    private readonly List<Place> _places = [];

    private Member(Guid id, string displayName, DateTimeOffset joinedAt)
    {
        Id = id;
        DisplayName = displayName;
        JoinedAt = joinedAt;
    }

    public Guid Id { get; private set; }
    public string DisplayName { get; private set; }
    public string? Bio { get; private set; }
    public Guid? OrganisationId { get; private set; }
    public Organisation? Organisation { get; private set; }
    public DateTimeOffset JoinedAt { get; private set; }
    public IReadOnlyCollection<Place> Places => _places;
    public bool IsApproved { get; private set; }
    public DateTimeOffset? ApprovedAt { get; private set; }

    /// <summary>Whether and how the member shows in the directory; nobody is listed until they choose to be.</summary>
    public DirectoryListing Listing { get; private set; } = DirectoryListing.NotListed;

    /// <summary>
    /// When the person deleted their account. The row stays so that what they wrote keeps an
    /// author (shown as <see cref="FormerMemberName"/>); nothing in it says who they were.
    /// </summary>
    public DateTimeOffset? ErasedAt { get; private set; }

    public bool IsErased => ErasedAt is not null;

    /// <summary>
    /// A member who needs no approval: joining is open, they were invited, or an admin created
    /// the account. Approved from the start.
    /// </summary>
    public static Member Join(Guid id, string displayName, DateTimeOffset now) =>
        new(id, RequireDisplayName(displayName), now) { IsApproved = true, ApprovedAt = now };

    /// <summary>An applicant: signed up, waiting for a moderator to approve their join request.</summary>
    public static Member Apply(Guid id, string displayName, DateTimeOffset now) =>
        new(id, RequireDisplayName(displayName), now) { IsApproved = false };

    /// <summary>Approving twice keeps the first approval's time.</summary>
    public void Approve(DateTimeOffset now)
    {
        if (!IsApproved)
        {
            IsApproved = true;
            ApprovedAt = now;
        }
    }

    public void ChooseListing(DirectoryListing listing) => Listing = listing;

    /// <summary>
    /// The account is deleted: the name, bio, organisation, places and directory choice go, and
    /// every view that names an author by this row now says <see cref="FormerMemberName"/>.
    /// </summary>
    public void Erase(DateTimeOffset now)
    {
        DisplayName = FormerMemberName;
        Bio = null;
        Organisation = null;
        OrganisationId = null;
        _places.Clear();
        Listing = DirectoryListing.NotListed;
        IsApproved = false;
        ApprovedAt = null;
        ErasedAt ??= now;
    }

    public void UpdateProfile(string displayName, string? bio, Organisation? organisation, IReadOnlyCollection<Place> places)
    {
        var trimmedBio = string.IsNullOrWhiteSpace(bio) ? null : bio.Trim();
        if (trimmedBio is { Length: > BioMaxLength })
        {
            throw new DomainException($"A bio has at most {BioMaxLength} characters.");
        }

        if (places.Count > MaxPlaces)
        {
            throw new DomainException($"A member works in at most {MaxPlaces} places.");
        }

        DisplayName = RequireDisplayName(displayName);
        Bio = trimmedBio;
        Organisation = organisation;
        OrganisationId = organisation?.Id;
        _places.RemoveAll(existing => places.All(p => p.Id != existing.Id));
        _places.AddRange(places.Where(p => _places.All(existing => existing.Id != p.Id)));
    }

    private static string RequireDisplayName(string displayName)
    {
        var trimmed = displayName.Trim();
        return trimmed.Length is 0 or > DisplayNameMaxLength
            ? throw new DomainException($"A display name has 1 to {DisplayNameMaxLength} characters.")
            : trimmed;
    }
}
