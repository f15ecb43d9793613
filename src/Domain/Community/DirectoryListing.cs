namespace CommunityOfPractice.Domain.Community;

/// <summary>
/// A member's choice about the directory (/people, a place's page, an organisation's page):
/// whether they show at all and which of their details show beside their name. Opt-in: the
/// default is not listed. The flags other than <see cref="IsListed"/> matter only when listed.
/// </summary>
public sealed record DirectoryListing(bool IsListed, bool ShowOrganisation, bool ShowPlaces, bool ShowBio)
{
    public static DirectoryListing NotListed { get; } = new(false, false, false, false);

    /// <summary>Listed by name only; the member adds details as they choose.</summary>
    public static DirectoryListing NameOnly { get; } = new(true, false, false, false);
}
