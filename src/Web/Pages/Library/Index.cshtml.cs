using CommunityOfPractice.Contracts;
using CommunityOfPractice.Contracts.Library;

namespace CommunityOfPractice.Web.Pages.Library;

/// <summary>
/// Search the library. Everything is in the query string (q, type, placeId, stage,
/// organisationId, year, p for the page), so a search is a link people can share; works without script.
/// </summary>
public sealed class IndexModel(ApiClient api) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "type")]
    public List<string> Types { get; set; } = [];

    [BindProperty(SupportsGet = true, Name = "placeId")]
    public List<Guid> PlaceIds { get; set; } = [];

    [BindProperty(SupportsGet = true, Name = "stage")]
    public List<string> Stages { get; set; } = [];

    [BindProperty(SupportsGet = true, Name = "organisationId")]
    public List<Guid> OrganisationIds { get; set; } = [];

    [BindProperty(SupportsGet = true, Name = "year")]
    public List<int> Years { get; set; } = [];

    // "p", not "page": Razor Pages keeps "page" for the page's own route value.
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public SearchResults? Results { get; private set; }

    public ApiProblem? LoadProblem { get; private set; }

    public bool CanPublish => User.IsInRole(Roles.Funder) || User.IsInRole(Roles.Host) || User.IsInRole(Roles.Admin);

    public bool HasFilters => Types.Count + PlaceIds.Count + Stages.Count + OrganisationIds.Count + Years.Count > 0;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var result = await api.SearchPapersAsync(
            new PaperSearch(Q, Types, PlaceIds, Stages, OrganisationIds, Years, Math.Clamp(PageNumber, 1, LibraryLimits.SearchMaxPage)), cancellationToken);
        if (result.Succeeded)
        {
            Results = result.Value;
        }
        else
        {
            LoadProblem = result.Problem;
        }
    }

    /// <summary>This search on another page of results.</summary>
    public string PageUrl(int page) => Url.Page("/Library/Index", new
    {
        q = string.IsNullOrWhiteSpace(Q) ? null : Q,
        type = Types,
        placeId = PlaceIds,
        stage = Stages,
        organisationId = OrganisationIds,
        year = Years,
        p = page > 1 ? page : (int?)null,
    })!;

    public static string FileUrl(Guid paperId, int? page = null) =>
        $"/Library/Papers/{paperId}/file" + (page is null ? string.Empty : $"#page={page}");
}
