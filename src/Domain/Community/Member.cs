using CommunityOfPractice.Domain.Common;

namespace CommunityOfPractice.Domain.Community;

/// <summary>
/// A person's public profile in the community. It shares its id with the person's sign-in
/// account, which lives with identity in the Api; the profile is what others see.
/// </summary>
public sealed class Member
{
    public const int DisplayNameMaxLength = 80;
    public const int BioMaxLength = 2000;
    public const int MaxPlaces = 10;

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

    public static Member Join(Guid id, string displayName, DateTimeOffset now) =>
        new(id, RequireDisplayName(displayName), now);

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
