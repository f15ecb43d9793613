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
/// places from this list (no free text), so that "who works in Hackney" has one answer. A place
/// may sit inside another (a neighbourhood in a borough), so a borough's page can gather its
/// neighbourhoods' content. Members may propose a place; it is offered to everyone once an admin
/// approves it.
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

    /// <summary>The place this one sits inside, or null for a top-level place.</summary>
    public Guid? ParentId { get; private set; }

    public bool IsApproved { get; private set; }

    /// <summary>The member who proposed the place; null for the reference list and admins' additions.</summary>
    public Guid? ProposedById { get; private set; }

    /// <summary>An admin's place (or one of the reference list): approved at once.</summary>
    public static Place Create(string name, PlaceKind kind) =>
        new(Guid.CreateVersion7(), RequireName(name), SlugOf(name), kind) { IsApproved = true };

    /// <summary>A member's proposal: recorded now, offered to others once an admin approves it.</summary>
    public static Place Propose(string name, PlaceKind kind, Guid? parentId, Guid proposedById) =>
        new(Guid.CreateVersion7(), RequireName(name), SlugOf(name), kind)
        {
            ParentId = parentId,
            IsApproved = false,
            ProposedById = proposedById,
        };

    /// <summary>Approving twice changes nothing.</summary>
    public void Approve() => IsApproved = true;

    /// <summary>
    /// Puts this place inside <paramref name="parent"/> (null: top level). A place cannot sit
    /// inside itself; deeper cycles need the whole tree, so the caller checks those.
    /// </summary>
    public void MoveInside(Place? parent)
    {
        if (parent is not null && parent.Id == Id)
        {
            throw new DomainException("A place cannot sit inside itself.");
        }

        ParentId = parent?.Id;
    }

    private static string RequireName(string name)
    {
        var trimmed = name.Trim();
        return trimmed.Length is 0 or > NameMaxLength
            ? throw new DomainException($"A place name has 1 to {NameMaxLength} characters.")
            : trimmed;
    }

    private static string SlugOf(string name)
    {
        var slug = Common.Slug.From(name.Trim());
        return slug.Length == 0 ? throw new DomainException("A place name needs at least one letter or digit.") : slug;
    }
}
