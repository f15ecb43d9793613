namespace CommunityOfPractice.Domain.Community;

/// <summary>A charity, community organisation, council, think tank or funder in the community.</summary>
public sealed class Organisation
{
    public const int NameMaxLength = 150;

    private Organisation(Guid id, string name, string slug, string? website)
    {
        Id = id;
        Name = name;
        Slug = slug;
        Website = website;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public string Slug { get; private set; }
    public string? Website { get; private set; }

    public static Organisation Create(string name, string? website = null)
    {
        var trimmed = name.Trim();
        if (trimmed.Length is 0 or > NameMaxLength)
        {
            throw new Common.DomainException($"An organisation name has 1 to {NameMaxLength} characters.");
        }

        return new Organisation(Guid.CreateVersion7(), trimmed, Common.Slug.From(trimmed), website);
    }
}
