using CommunityOfPractice.Contracts.Community;

namespace CommunityOfPractice.Web.Pages.Organisations;

/// <summary>
/// The directory of organisations: every organisation with its kind, places, verified badge and
/// current stage in each place, filtered by place, stage and kind. Anyone may read it, so the
/// stages are those shared with the community.
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
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    public DirectoryOrganisationsPage? Organisations { get; private set; }

    public IReadOnlyList<PlaceView> Places { get; private set; } = [];

    public ApiProblem? LoadProblem { get; private set; }

    public bool IsFiltered => Place is not null || Stage is not null || Kind is not null || Q is not null;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        (Place, Stage, Kind, Q, After) =
            (DirectoryFilters.Clean(Place), DirectoryFilters.Clean(Stage), DirectoryFilters.Clean(Kind), DirectoryFilters.Clean(Q), DirectoryFilters.Clean(After));
        var organisations = api.ListDirectoryOrganisationsAsync(Place, Stage, Kind, null, Q, After, DirectoryFilters.PageSize, cancellationToken);
        var places = DirectoryFilters.PlacesAsync(api, cancellationToken);
        await Task.WhenAll(organisations, places);

        (Places, _) = await places;
        if ((await organisations).Succeeded)
        {
            Organisations = (await organisations).Value;
        }
        else
        {
            LoadProblem = (await organisations).Problem;
        }
    }
}
