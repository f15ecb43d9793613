using CommunityOfPractice.Domain.Community;

namespace CommunityOfPractice.Contracts.Community;

/// <summary>
/// Whether a member shows in the directory and which details show beside their name. Opt-in: a
/// new member is not listed. The other flags matter only when <see cref="IsListed"/> is set.
/// </summary>
public sealed record ListingChoice(bool IsListed, bool ShowOrganisation, bool ShowPlaces, bool ShowBio)
{
    public static ListingChoice NotListed { get; } = new(false, false, false, false);
}

/// <summary>An organisation as a link to its page.</summary>
public sealed record OrganisationLink(Guid Id, string Name, string Slug);

/// <summary>
/// A member in the directory (/people), with only the details they chose to show: a detail they
/// keep to themselves is null, never an empty value that could be mistaken for "none".
/// </summary>
public sealed record DirectoryMember(
    Guid Id, string DisplayName, string Handle, OrganisationLink? Organisation, IReadOnlyList<PlaceLink>? Places, string? Bio);

/// <summary>A page of listed members by name; <see cref="Next"/> is the next page's cursor, null on the last.</summary>
public sealed record DirectoryMembersPage(IReadOnlyList<DirectoryMember> Items, string? Next);

/// <summary>Where an organisation stands now in one place, from its community-visible assessments.</summary>
public sealed record PlaceStage(PlaceLink Place, FrameworkStage Stage, DateOnly AssessedOn);

/// <summary>
/// An organisation in the directory (/organisations): its kind, the places it says it works in,
/// whether an admin verified it, and its current stage in each place it shared an assessment of
/// with the community (funders-only and private assessments never count here).
/// </summary>
public sealed record DirectoryOrganisation(
    Guid Id, string Name, string Slug, OrganisationKind Kind, bool IsVerified, IReadOnlyList<PlaceLink> Places, IReadOnlyList<PlaceStage> Stages);

/// <summary>A page of organisations by name; <see cref="Next"/> is the next page's cursor, null on the last.</summary>
public sealed record DirectoryOrganisationsPage(IReadOnlyList<DirectoryOrganisation> Items, string? Next);
