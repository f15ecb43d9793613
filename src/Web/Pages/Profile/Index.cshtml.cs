using System.ComponentModel.DataAnnotations;
using CommunityOfPractice.Contracts.Community;
using CommunityOfPractice.Domain.Community;

namespace CommunityOfPractice.Web.Pages.Profile;

/// <summary>
/// The signed-in person's profile: name, bio, organisation, places and whether (and with which of
/// those) they are listed in the directory; their roles are shown, not edited.
/// </summary>
public sealed class IndexModel(ApiClient api) : PageModel
{
    private static readonly string[] _fields =
        [nameof(InputModel.DisplayName), nameof(InputModel.Bio), nameof(InputModel.OrganisationId), nameof(InputModel.PlaceIds)];

    // How the Api's place kinds read as group headings, in the order shown.
    private static readonly (PlaceKind Kind, string Heading)[] _placeGroups =
    [
        (PlaceKind.Nation, "Nations"),
        (PlaceKind.CombinedAuthority, "Combined authorities"),
        (PlaceKind.LocalAuthority, "Local authorities"),
        (PlaceKind.LondonBorough, "London boroughs"),
        (PlaceKind.Neighbourhood, "Neighbourhoods"),
    ];

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public MyProfile? Me { get; private set; }

    public IReadOnlyList<OrganisationView> Organisations { get; private set; } = [];

    public IReadOnlyList<PlaceGroup> PlaceGroups { get; private set; } = [];

    /// <summary>Why the page cannot show the profile (the Api is down, or the session has ended).</summary>
    public ApiProblem? LoadProblem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } me)
        {
            Input = new InputModel
            {
                DisplayName = me.DisplayName,
                Bio = me.Bio,
                OrganisationId = me.Organisation?.Id,
                PlaceIds = [.. me.Places.Select(p => p.Id)],
                IsListed = me.Listing.IsListed,
                ShowOrganisation = me.Listing.ShowOrganisation,
                ShowPlaces = me.Listing.ShowPlaces,
                ShowBio = me.Listing.ShowBio,
            };
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var result = await api.UpdateMyProfileAsync(
                new UpdateProfileRequest(Input.DisplayName.Trim(), string.IsNullOrWhiteSpace(Input.Bio) ? null : Input.Bio.Trim(),
                    Input.OrganisationId, Input.PlaceIds.Distinct().ToList(),
                    new ListingChoice(Input.IsListed, Input.ShowOrganisation, Input.ShowPlaces, Input.ShowBio)),
                cancellationToken);
            if (result.Succeeded)
            {
                TempData["Status"] = "Profile saved";
                return RedirectToPage();
            }

            ModelState.AddApiProblem(result.Problem, _fields);
        }

        // Keep what the person typed; reload only what the form is drawn from.
        await LoadAsync(cancellationToken);
        return Page();
    }

    public bool IsChosen(Guid placeId) => Input.PlaceIds.Contains(placeId);

    private async Task<MyProfile?> LoadAsync(CancellationToken cancellationToken)
    {
        var me = api.GetMyProfileAsync(cancellationToken);
        var organisations = api.GetOrganisationsAsync(cancellationToken);
        var places = api.GetPlacesAsync(cancellationToken);
        await Task.WhenAll(me, organisations, places);

        LoadProblem = (await me).Problem ?? (await organisations).Problem ?? (await places).Problem;
        if (LoadProblem is not null)
        {
            return null;
        }

        Me = (await me).Value;
        Organisations = (await organisations).Value;
        PlaceGroups = GroupPlaces((await places).Value);
        return Me;
    }

    private static IReadOnlyList<PlaceGroup> GroupPlaces(IReadOnlyList<PlaceView> places)
    {
        var known = _placeGroups.Select(g => g.Kind).ToHashSet();
        var groups = _placeGroups
            .Select(g => new PlaceGroup(g.Heading, [.. places.Where(p => p.Kind == g.Kind).OrderBy(p => p.Name)]))
            .ToList();
        groups.Add(new PlaceGroup("Other places", [.. places.Where(p => !known.Contains(p.Kind)).OrderBy(p => p.Name)]));
        return [.. groups.Where(g => g.Places.Count > 0)];
    }

    public sealed record PlaceGroup(string Heading, IReadOnlyList<PlaceView> Places);

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the name the community will see.")]
        [StringLength(MemberLimits.DisplayNameMaxLength, ErrorMessage = "A display name has at most 80 characters.")]
        [Display(Name = "Display name")]
        public string DisplayName { get; set; } = string.Empty;

        [StringLength(MemberLimits.BioMaxLength, ErrorMessage = "A bio has at most 2,000 characters.")]
        public string? Bio { get; set; }

        [Display(Name = "Organisation")]
        public Guid? OrganisationId { get; set; }

        [Display(Name = "Places")]
        public List<Guid> PlaceIds { get; set; } = [];

        /// <summary>Listed in the directory (/people); off until the member chooses it.</summary>
        public bool IsListed { get; set; }

        public bool ShowOrganisation { get; set; }

        public bool ShowPlaces { get; set; }

        public bool ShowBio { get; set; }
    }
}
