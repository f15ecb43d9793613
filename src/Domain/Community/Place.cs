using CommunityOfPractice.Domain.Common;

namespace CommunityOfPractice.Domain.Community;

public enum PlaceKind
{
    LondonBorough = 1,
    CombinedAuthority = 2,
    LocalAuthority = 3,
    Nation = 4,
    Neighbourhood = 5,
}

/// <summary>
/// A UK place where people work: from a neighbourhood up to a combined authority. People choose
/// places from this list (no free text), so that "who works in Hackney" has one answer.
/// </summary>
public sealed class Place
{
    public const int NameMaxLength = 100;

    private Place(Guid id, string name, string slug, PlaceKind kind)
    {
        Id = id;
        Name = name;
        Slug = slug;
        Kind = kind;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public string Slug { get; private set; }
    public PlaceKind Kind { get; private set; }

    public static Place Create(string name, PlaceKind kind)
    {
        var trimmed = name.Trim();
        if (trimmed.Length is 0 or > NameMaxLength)
        {
            throw new DomainException($"A place name has 1 to {NameMaxLength} characters.");
        }

        var slug = Common.Slug.From(trimmed);
        if (slug.Length == 0)
        {
            throw new DomainException("A place name needs at least one letter or digit.");
        }

        return new Place(Guid.CreateVersion7(), trimmed, slug, kind);
    }
}
