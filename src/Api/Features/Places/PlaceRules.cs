using CommunityOfPractice.Contracts.Common;
using CommunityOfPractice.Contracts.Community;
using CommunityOfPractice.Domain.Community;
using FluentValidation.Results;

namespace CommunityOfPractice.Api.Features.Places;

/// <summary>What a new place is called and what kind it is, whether an admin adds it or a member proposes it.</summary>
public interface INewPlace
{
    string Name { get; }
    PlaceKind Kind { get; }
}

/// <summary>The name and kind rules of a new place, with the messages people see.</summary>
internal sealed class NewPlaceRules<T> : AbstractValidator<T>
    where T : INewPlace
{
    public NewPlaceRules()
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage("Enter the place's name.")
            .MaximumLength(Place.NameMaxLength).WithMessage($"A place name has at most {Place.NameMaxLength} characters.")
            .Matches("[A-Za-z0-9]").WithMessage("A place name needs at least one letter or digit.");
        RuleFor(c => c.Kind).IsInEnum().WithMessage("Choose what kind of place this is.");
    }
}

/// <summary>What adding and proposing a place share: the parent it sits in, one slug per place.</summary>
internal static class PlaceRules
{
    /// <summary>The approved place a new one sits inside, or null for top level; an unknown or unapproved parent is a 400 on ParentId.</summary>
    public static async Task<Place?> ParentAsync(this AppDbContext db, Guid? parentId, CancellationToken cancellationToken)
    {
        if (parentId is not { } id)
        {
            return null;
        }

        return await db.Places.SingleOrDefaultAsync(p => p.Id == id && p.IsApproved, cancellationToken)
            ?? throw new ValidationException([new ValidationFailure("ParentId", "Choose the place it sits in from the list.")]);
    }

    /// <summary>Two places never share a slug (a pending proposal holds its name too): 409.</summary>
    public static async Task EnsureNewAsync(this AppDbContext db, Place place, CancellationToken cancellationToken)
    {
        if (await db.Places.AnyAsync(p => p.Slug == place.Slug, cancellationToken))
        {
            throw new ConflictException($"{place.Name} is already in the list of places, or waiting for approval.");
        }
    }

    public static IQueryable<PlaceProposal> Proposals(this AppDbContext db, IQueryable<Place> places) =>
        places.OrderBy(p => p.Name).ThenBy(p => p.Id).Select(p => new PlaceProposal(
            p.Id, p.Name, p.Slug, p.Kind,
            db.Places.Where(parent => parent.Id == p.ParentId).Select(parent => new PlaceLink(parent.Id, parent.Name, parent.Slug, parent.Kind)).SingleOrDefault(),
            db.Members.Where(m => m.Id == p.ProposedById).Select(m => new AuthorRef(m.Id, m.DisplayName)).SingleOrDefault(),
            p.IsApproved));
}
