using CommunityOfPractice.Domain.Common;

namespace CommunityOfPractice.Domain.Community;

/// <summary>What sort of body an organisation is; directories filter by it. Stored by name.</summary>
public enum OrganisationKind
{
    Charity = 1,
    CommunityGroup = 2,
    Council = 3,
    Funder = 4,
    ThinkTank = 5,
    SocialEnterprise = 6,
    InfrastructureBody = 7,
    Other = 8,
}

/// <summary>
/// A charity, community group, council, think tank, funder or other body in the community, and
/// the places it works in. Any member may propose one: it is usable by its proposer at once and
/// shown as unverified until an admin verifies it. Its org admins (see
/// <see cref="OrganisationMembership"/>) keep the profile up to date.
/// </summary>
public sealed class Organisation
{
    public const int NameMaxLength = 150;
    public const int WebsiteMaxLength = 300;
    public const int DescriptionMaxLength = 10_000;
    public const int MaxPlaces = 50;

    private readonly List<Place> _places = [];

    private Organisation(Guid id, string name, string slug, string? website)
    {
        Id = id;
        Name = name;
        Slug = slug;
        Website = website;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; }

    /// <summary>Set once from the first name, so links to the organisation's page keep working after a rename.</summary>
    public string Slug { get; private set; }

    public OrganisationKind Kind { get; private set; }
    public string? Website { get; private set; }
    public string? DescriptionMarkdown { get; private set; }

    /// <summary>The description rendered and sanitised by the Api; the domain does not render Markdown.</summary>
    public string? DescriptionHtml { get; private set; }

    public bool IsVerified { get; private set; }

    /// <summary>The member who proposed it; null for organisations an admin added.</summary>
    public Guid? ProposedById { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public IReadOnlyCollection<Place> Places => _places;

    /// <summary>What an organisation says about itself; checked as a whole on propose and on every edit.</summary>
    public sealed record Profile(string Name, OrganisationKind Kind, string? Website, string? DescriptionMarkdown, string? DescriptionHtml);

    /// <summary>An admin's addition: verified at once, of kind <see cref="OrganisationKind.Other"/> until its profile says more.</summary>
    public static Organisation Create(string name, string? website = null, DateTimeOffset? now = null)
    {
        var organisation = New(name, website);
        organisation.Kind = OrganisationKind.Other;
        organisation.IsVerified = true;

        // Callers from before organisations had a creation time pass none; the moment of the call is right for them.
        organisation.CreatedAt = now ?? DateTimeOffset.UtcNow;
        return organisation;
    }

    /// <summary>
    /// A member's proposal: unverified until an admin verifies it. The proposer becomes its first
    /// org admin (<see cref="OrganisationMembership.FirstAdmin"/>).
    /// </summary>
    public static Organisation Propose(Profile profile, IReadOnlyCollection<Place> places, Guid proposedById, DateTimeOffset now)
    {
        var organisation = New(profile.Name, profile.Website);
        organisation.ApplyDescription(profile);
        organisation.Kind = profile.Kind;
        organisation.IsVerified = false;
        organisation.ProposedById = proposedById;
        organisation.CreatedAt = now;
        organisation.WorkIn(places);
        return organisation;
    }

    /// <summary>Verifying twice changes nothing.</summary>
    public void Verify() => IsVerified = true;

    public void UpdateProfile(Profile profile)
    {
        var name = RequireName(profile.Name);
        var website = WebAddress.Optional(profile.Website, "An organisation's website", WebsiteMaxLength);
        ApplyDescription(profile);
        Name = name;
        Kind = profile.Kind;
        Website = website;
    }

    /// <summary>Replaces the places the organisation works in.</summary>
    public void WorkIn(IReadOnlyCollection<Place> places)
    {
        var distinct = places.DistinctBy(p => p.Id).ToList();
        if (distinct.Count > MaxPlaces)
        {
            throw new DomainException($"An organisation works in at most {MaxPlaces} places.");
        }

        _places.RemoveAll(existing => distinct.All(p => p.Id != existing.Id));
        _places.AddRange(distinct.Where(p => _places.All(existing => existing.Id != p.Id)));
    }

    private static Organisation New(string name, string? website)
    {
        var trimmed = RequireName(name);
        var slug = Common.Slug.From(trimmed);
        if (slug.Length == 0)
        {
            throw new DomainException("An organisation name needs at least one letter or digit.");
        }

        return new Organisation(Guid.CreateVersion7(), trimmed, slug, WebAddress.Optional(website, "An organisation's website", WebsiteMaxLength));
    }

    private void ApplyDescription(Profile profile)
    {
        var markdown = string.IsNullOrWhiteSpace(profile.DescriptionMarkdown) ? null : profile.DescriptionMarkdown.Trim();
        if (markdown is { Length: > DescriptionMaxLength })
        {
            throw new DomainException($"An organisation's description has at most {DescriptionMaxLength} characters.");
        }

        DescriptionMarkdown = markdown;
        DescriptionHtml = markdown is null ? null : profile.DescriptionHtml;
    }

    private static string RequireName(string name)
    {
        var trimmed = name.Trim();
        return trimmed.Length is 0 or > NameMaxLength
            ? throw new DomainException($"An organisation name has 1 to {NameMaxLength} characters.")
            : trimmed;
    }
}
