using CommunityOfPractice.Contracts.Community;

namespace CommunityOfPractice.Web.Pages.People;

/// <summary>
/// The directory of people: members who chose to be listed, with the details they chose to
/// show, filtered by place, stage, organisation kind and organisation. For signed-in members only
/// (the folder requires it), because listing is consent to be seen by the community.
/// </summary>
public sealed class IndexModel(ApiClient api) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Place { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Stage { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Organisation { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    public DirectoryMembersPage? People { get; private set; }

    public IReadOnlyList<PlaceView> Places { get; private set; } = [];

    public IReadOnlyList<OrganisationView> Organisations { get; private set; } = [];

    public ApiProblem? LoadProblem { get; private set; }

    public bool IsFiltered => Place is not null || Stage is not null || Kind is not null || Organisation is not null || Q is not null;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        (Place, Stage, Kind, Organisation, Q, After) =
            (DirectoryFilters.Clean(Place), DirectoryFilters.Clean(Stage), DirectoryFilters.Clean(Kind), DirectoryFilters.Clean(Organisation), DirectoryFilters.Clean(Q), DirectoryFilters.Clean(After));
        var people = api.ListDirectoryPeopleAsync(Place, Stage, Kind, Organisation, Q, After, DirectoryFilters.PageSize, cancellationToken);
        var places = DirectoryFilters.PlacesAsync(api, cancellationToken);
        var organisations = api.GetOrganisationsAsync(cancellationToken);
        await Task.WhenAll(people, places, organisations);

        (Places, _) = await places;
        Organisations = (await organisations).Succeeded ? (await organisations).Value : [];
        if ((await people).Succeeded)
        {
            People = (await people).Value;
        }
        else
        {
            LoadProblem = (await people).Problem;
        }
    }
}
