using System.ComponentModel.DataAnnotations;
using CommunityOfPractice.Contracts.Community;
using CommunityOfPractice.Domain.Community;

namespace CommunityOfPractice.Web.Pages.Organisations;

/// <summary>The profile form, shared by proposing an organisation and editing it; the Api checks it again.</summary>
public sealed class OrganisationProfileInput
{
    /// <summary>The Api's field names for the form's fields, for its 400 messages.</summary>
    public static readonly string[] Fields =
        [nameof(Name), nameof(Kind), nameof(Website), nameof(Description), nameof(PlaceIds)];

    [Required(ErrorMessage = "Enter the organisation's name.")]
    [StringLength(Organisation.NameMaxLength, ErrorMessage = "An organisation name has at most {1} characters.")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Choose what kind of organisation it is.")]
    public OrganisationKind? Kind { get; set; }

    public string? Website { get; set; }

    [StringLength(Organisation.DescriptionMaxLength, ErrorMessage = "A description has at most {1:N0} characters.")]
    public string? Description { get; set; }

    public List<Guid> PlaceIds { get; set; } = [];

    public OrganisationProfileRequest ToRequest() =>
        new(Name?.Trim() ?? string.Empty, Kind ?? OrganisationKind.Other,
            string.IsNullOrWhiteSpace(Website) ? null : Website.Trim(), Description, PlaceIds.Distinct().ToList());

    public static OrganisationProfileInput From(OrganisationDetail organisation) => new()
    {
        Name = organisation.Name,
        Kind = organisation.Kind,
        Website = organisation.Website,
        Description = organisation.DescriptionMarkdown,
        PlaceIds = [.. organisation.Places.Select(p => p.Id)],
    };
}
