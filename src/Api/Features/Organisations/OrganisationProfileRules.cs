using CommunityOfPractice.Domain.Community;

namespace CommunityOfPractice.Api.Features.Organisations;

/// <summary>What a proposal and an edit both say about an organisation, so one set of rules checks both.</summary>
public interface IOrganisationProfile
{
    string Name { get; }
    OrganisationKind Kind { get; }
    string? Website { get; }
    string? Description { get; }
    IReadOnlyList<Guid> PlaceIds { get; }
}

/// <summary>The field rules of an organisation's profile, with the places it names looked up (400 on placeIds when one is unknown).</summary>
internal sealed class OrganisationProfileRules<T> : AbstractValidator<T>
    where T : IOrganisationProfile
{
    public OrganisationProfileRules(AppDbContext db)
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage("Enter the organisation's name.")
            .MaximumLength(Organisation.NameMaxLength)
            .WithMessage($"An organisation name has at most {Organisation.NameMaxLength} characters.");
        RuleFor(c => c.Name)
            .Must(name => Domain.Common.Slug.From(name.Trim()).Length > 0)
            .When(c => !string.IsNullOrWhiteSpace(c.Name))
            .WithMessage("An organisation name needs at least one letter or digit.");
        RuleFor(c => c.Kind).IsInEnum().WithMessage("Choose what kind of organisation it is.");
        RuleFor(c => c.Website)
            .Must(WebAddress.IsHttp).When(c => !string.IsNullOrWhiteSpace(c.Website))
            .WithMessage("Enter the website as a full address, like https://example.org.")
            .MaximumLength(Organisation.WebsiteMaxLength)
            .WithMessage($"A website address has at most {Organisation.WebsiteMaxLength} characters.");
        RuleFor(c => c.Description).MaximumLength(Organisation.DescriptionMaxLength)
            .WithMessage($"A description has at most {Organisation.DescriptionMaxLength} characters.");
        RuleFor(c => c.PlaceIds)
            .Must(ids => ids.Distinct().Count() <= Organisation.MaxPlaces)
            .WithMessage($"Name at most {Organisation.MaxPlaces} places.")
            .MustAsync(async (ids, cancellationToken) =>
            {
                var wanted = ids.Distinct().ToList();
                return await db.Places.CountAsync(p => wanted.Contains(p.Id), cancellationToken) == wanted.Count;
            })
            .WithMessage("Choose places from the list; one of them does not exist.");
    }
}
